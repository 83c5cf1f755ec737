package dev.spindle.loop;

/**
 * A snapshot of a thread pool that runs work for the loop, read for metrics (the monitor exports
 * these as {@code spindle_pool_*}).
 *
 * @param name the pool's name, e.g. {@code blocking}
 * @param threads configured thread count
 * @param queueDepth tasks waiting for a thread
 * @param queueCapacity how many tasks may wait before submissions are rejected
 * @param active tasks running now
 * @param completed tasks finished, successfully or not
 * @param rejected submissions refused because the queue was full
 * @param totalQueueWaitNanos summed time tasks spent queued before a thread took them
 * @param maxQueueWaitNanos the longest time one task waited
 */
public record PoolStats(
        String name,
        int threads,
        int queueDepth,
        int queueCapacity,
        int active,
        long completed,
        long rejected,
        long totalQueueWaitNanos,
        long maxQueueWaitNanos) {

    /** Mean queue wait of the completed and running tasks, in nanoseconds; 0 when none started. */
    public double meanQueueWaitNanos() {
        long started = completed + active;
        return started == 0 ? 0 : (double) totalQueueWaitNanos / started;
    }
}
