package dev.spindle.loop;

/** A pool's queue was full, so the task was refused instead of queued without bound. */
public class RejectedTaskException extends LoopException {

    public RejectedTaskException(String message) {
        super(message);
    }
}
