package dev.spindle.bench;

import java.util.concurrent.locks.LockSupport;

/**
 * One producer's batch of no-op tasks, end to end: {@link #submit} hands {@code size - 1} no-op
 * tasks and then a marker to an executor, and parks until the marker has run. Every executor
 * measured runs one producer's tasks in submission order, so the marker running means the whole
 * batch has. Reusable; one per producer thread.
 */
public final class TaskBatch {

    /** The task the benchmark counts: it does nothing, so the executor's overhead is all there is. */
    public static final Runnable NO_OP = () -> {};

    private final Thread producer = Thread.currentThread();
    private final Runnable marker = this::markerRan;
    private volatile boolean done;
    private long submitted;

    /** A batch for the calling thread, which must be the one that calls {@link #submit}. */
    public TaskBatch() {}

    /** Submits {@code size} tasks to {@code executor} and waits until the last has run. */
    public void submit(ExecutorPeer executor, int size) {
        done = false;
        for (int i = 1; i < size; i++) {
            executor.execute(NO_OP);
        }
        executor.execute(marker);
        submitted += size;
        while (!done) {
            LockSupport.park(this);
        }
    }

    private void markerRan() {
        done = true;
        LockSupport.unpark(producer);
    }

    /** Tasks submitted (and therefore run) so far. */
    public long submitted() {
        return submitted;
    }
}
