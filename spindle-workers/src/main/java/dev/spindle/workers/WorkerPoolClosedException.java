package dev.spindle.workers;

/** The pool was closed: a task submitted afterwards, or still queued or running then, rejects with this. */
public class WorkerPoolClosedException extends WorkersException {

    public WorkerPoolClosedException(String message) {
        super(message);
    }
}
