package dev.spindle.workers;

import dev.spindle.loop.PoolStats;

/**
 * A snapshot of a worker pool, read for metrics; the monitor exports it and keeps histograms from
 * a {@link dev.spindle.workers.spi.WorkerPoolObserver}. Times are raw nanosecond sums and maxima
 * since the pool started. Counts: every submission ends up exactly once in {@code rejected},
 * {@code cancelled} or {@code completed}, or is still queued or running; a cancelled task whose
 * code has not returned yet counts in both {@code cancelled} and {@code active}.
 *
 * @param name the pool's name
 * @param minThreads threads kept when idle
 * @param maxThreads threads at most
 * @param threads threads alive now
 * @param queueDepth tasks waiting for a thread
 * @param queueCapacity tasks that may wait before submissions are rejected
 * @param active tasks running now (a cancelled task whose code has not returned yet counts here)
 * @param started tasks that left the queue for a thread so far
 * @param completed tasks whose code returned or threw, and whose promise got the outcome
 * @param failed the completed tasks whose code threw
 * @param cancelled tasks cancelled or past their deadline, queued or running
 * @param rejected submissions refused: the queue was full, or the pool closed
 * @param totalQueueWaitNanos summed time tasks waited in the queue before a thread took them
 * @param maxQueueWaitNanos the longest time one task waited
 * @param totalRunNanos summed time threads spent running task code, over the started tasks whose
 *     code has returned or thrown (cancelled ones included: their thread was busy all the same)
 * @param maxRunNanos the longest one task ran
 */
public record WorkerPoolStats(
        String name,
        int minThreads,
        int maxThreads,
        int threads,
        int queueDepth,
        int queueCapacity,
        int active,
        long started,
        long completed,
        long failed,
        long cancelled,
        long rejected,
        long totalQueueWaitNanos,
        long maxQueueWaitNanos,
        long totalRunNanos,
        long maxRunNanos) {

    /** Mean time a started task waited in the queue, in nanoseconds; 0 when none started. */
    public double meanQueueWaitNanos() {
        return started == 0 ? 0 : (double) totalQueueWaitNanos / started;
    }

    /** Mean run time of the tasks whose code has returned or thrown, in nanoseconds; 0 when none has. */
    public double meanRunNanos() {
        long finished = started - active;
        return finished <= 0 ? 0 : (double) totalRunNanos / finished;
    }

    /** This snapshot in the loop's common pool shape, so the monitor exports every pool alike. */
    public PoolStats toPoolStats() {
        return new PoolStats(name, maxThreads, queueDepth, queueCapacity, active, completed, rejected,
                totalQueueWaitNanos, maxQueueWaitNanos);
    }
}
