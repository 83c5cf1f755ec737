package dev.spindle.loop.spi;

/**
 * Watches a thread pool that runs work for the loop: told as each task leaves the queue, so the
 * monitor can keep a histogram of queue waits (the counters in {@link dev.spindle.loop.PoolStats}
 * only give a total and a maximum).
 *
 * <p>Called on the pool thread that took the task, concurrently from several of them: an
 * implementation must be thread-safe, cheap, and must not throw.
 */
@FunctionalInterface
public interface PoolObserver {

    /** A task of pool {@code pool} starts after waiting {@code queueWaitNanos} in its queue. */
    void onTaskStart(String pool, long queueWaitNanos);
}
