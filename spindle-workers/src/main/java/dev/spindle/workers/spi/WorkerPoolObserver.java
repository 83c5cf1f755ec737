package dev.spindle.workers.spi;

/**
 * Sees every task a worker pool runs, one sample at a time, so the monitor can keep histograms of
 * queue wait and run time (the pool's stats only keep sums and maxima). Called on the worker
 * thread, around the task: implementations must be thread-safe and cheap (record into a
 * concurrent histogram, nothing more). An observer that throws is ignored for that call.
 */
public interface WorkerPoolObserver {

    /** An observer that does nothing. */
    WorkerPoolObserver NONE = new WorkerPoolObserver() { };

    /** A task left the queue and starts on this thread after waiting {@code queueWaitNanos}. */
    default void taskStarted(String pool, long queueWaitNanos) {}

    /** A task's code returned or threw after running {@code runNanos}; {@code failed} if it threw. */
    default void taskFinished(String pool, long runNanos, boolean failed) {}

    /** A task was refused because the queue was full. Called on the submitting loop thread. */
    default void taskRejected(String pool) {}
}
