package dev.spindle.workers;

/**
 * A task was cancelled through its {@link Cancellation}: a queued task was removed before it ran,
 * a running one was interrupted. The promise rejects at once; a running task that ignores the
 * interrupt still finishes on its thread, and its result is dropped.
 */
public class TaskCancelledException extends WorkersException {

    public TaskCancelledException(String message) {
        super(message);
    }
}
