package dev.spindle.loop;

/** The base of every exception the loop module throws or rejects a promise with. Unchecked. */
public class LoopException extends RuntimeException {

    public LoopException(String message) {
        super(message);
    }

    public LoopException(String message, Throwable cause) {
        super(message, cause);
    }
}
