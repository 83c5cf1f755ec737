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

    /**
     * The {@code nanoTime} of a nested dispatch: the loop reads no clock for it, so that a burst of
     * them (pipelined HTTP requests in one read) costs no clock reading each; an observer that
     * needs the time reads its clock itself.
     */
    long UNTIMED = Long.MIN_VALUE;

    /**
     * The loop entered {@code phase}; {@code nanoTime} is a clock reading taken at this boundary or
     * at the previous one when nothing ran in between (one reading per boundary, shared).
     */
    default void onPhaseStart(Phase phase, long nanoTime) {}

    /** The loop left {@code phase}. */
    default void onPhaseEnd(Phase phase, long nanoTime) {}

    /**
     * A callback labelled {@code label} (e.g. {@code "timer"}, {@code "GET /users/:id"}) is about
     * to run. The nextTick and microtask drain that follows it counts as part of it. {@code nanoTime}
     * is a reading as for phases for a top-level dispatch, {@link #UNTIMED} for a nested one.
     */
    default void onDispatchStart(String label, long nanoTime) {}

    /**
     * The callback, with its ticks and microtasks, returned or threw; {@code nanoTime} as for
     * {@link #onDispatchStart}. A top-level dispatch's end reading is shared with what follows it.
     */
    default void onDispatchEnd(String label, long nanoTime) {}
}
