package dev.spindle.workers;

/**
 * Every worker thread was busy and the pool's queue held {@link WorkerPoolOptions#maxQueue()}
 * tasks, so the task was refused at once instead of queued without bound. Nothing ran; the caller
 * decides: answer 503, retry later, or shed the work.
 */
public class WorkerPoolFullException extends WorkersException {

    public WorkerPoolFullException(String message) {
        super(message);
    }
}
