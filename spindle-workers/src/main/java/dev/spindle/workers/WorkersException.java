package dev.spindle.workers;

/** The base of every exception the workers module throws or rejects a promise with. Unchecked. */
public class WorkersException extends RuntimeException {

    public WorkersException(String message) {
        super(message);
    }

    public WorkersException(String message, Throwable cause) {
        super(message, cause);
    }
}
