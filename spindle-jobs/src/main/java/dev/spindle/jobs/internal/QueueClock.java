package dev.spindle.jobs.internal;

import dev.spindle.loop.Loop;

/**
 * The queue's time: epoch milliseconds that advance with the loop's clock. Stored times must mean
 * the same to every process sharing a store, hence epoch time; they follow the loop's clock so
 * that a queue on a {@link dev.spindle.loop.ManualClock} computes delays, backoffs, leases and
 * timeouts in exact virtual time. Loop thread only.
 */
final class QueueClock {

    private final Loop loop;
    private final long epochAtLoopZero;

    QueueClock(Loop loop) {
        this.loop = loop;
        this.epochAtLoopZero = System.currentTimeMillis() - loop.now();
    }

    /** Now, in epoch milliseconds. */
    long now() {
        return epochAtLoopZero + loop.now();
    }

    /** Milliseconds from now until {@code epochMillis}; 0 if it has passed. */
    long until(long epochMillis) {
        return Math.max(0, epochMillis - now());
    }
}
