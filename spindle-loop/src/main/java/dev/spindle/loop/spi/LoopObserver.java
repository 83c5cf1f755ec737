package dev.spindle.loop.spi;

import dev.spindle.loop.Phase;

/**
 * Watches a loop from the inside: phase boundaries and every callback it dispatches. The monitor
 * builds lag, utilization, per-label loop time and the blocked-callback watchdog on it.
 *
 * <p>Every method is called on the loop thread, inline, so implementations must be cheap and must
 * not throw; one that needs another thread (a watchdog) publishes what it sees through volatile
 * fields. Dispatches nest when a callback dispatches a more specific one (an I/O read that runs an
 * HTTP route): starts and ends pair up like brackets.
 */
public interface LoopObserver {

    /** The loop entered {@code phase}; {@code nanoTime} is a fresh clock reading. */
    default void onPhaseStart(Phase phase, long nanoTime) {}

    /** The loop left {@code phase}. */
    default void onPhaseEnd(Phase phase, long nanoTime) {}

    /**
     * A callback labelled {@code label} (e.g. {@code "timer"}, {@code "GET /users/:id"}) is about
     * to run. The nextTick and microtask drain that follows it counts as part of it.
     */
    default void onDispatchStart(String label, long nanoTime) {}

    /** The callback, with its ticks and microtasks, returned or threw. */
    default void onDispatchEnd(String label, long nanoTime) {}
}
