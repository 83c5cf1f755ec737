package dev.spindle.bench;

import dev.spindle.loop.Loop;

/**
 * The shapes of work the loop benchmarks run, shared by the JMH benchmarks, the tests and (by
 * name and number) {@code node/loop-shapes.js}, so Spindle and Node run the same thing.
 *
 * <p>Every shape is a reusable object that runs on one loop: {@link #runInside} hands it to the
 * loop from outside and runs the loop until nothing is left to do, so the work happens inside
 * {@link Loop#run()}, as a Node script's does. The shapes count what they ran, which is what the
 * tests check; they time nothing.
 */
public final class LoopShapes {

    /** Callbacks per operation of the immediate, nextTick and promise shapes. */
    public static final int CALLBACKS = 1_000_000;

    /** Immediates queued per turn by the batched immediate shape. */
    public static final int IMMEDIATE_BATCH = 1_000;

    /** Timers per operation of the million-timers shapes (libuv's {@code million_timers}). */
    public static final int TIMERS = 1_000_000;

    /** The largest delay of the varied-delays timer shape, in milliseconds. */
    public static final int MAX_VARIED_DELAY_MILLIS = 50;

    /** The delay every timer of the same-delay shape gets, in milliseconds. */
    public static final long SAME_DELAY_MILLIS = 1;

    private LoopShapes() {}

    /**
     * The delay of timer {@code i} in the varied-delays shape: 1 to {@value #MAX_VARIED_DELAY_MILLIS}
     * ms, scattered (a step of 19 modulo 50) so that timers are not created in deadline order.
     * {@code node/loop-shapes.js} computes the same sequence.
     */
    public static long variedDelayMillis(int i) {
        return 1 + (i * 7919L) % MAX_VARIED_DELAY_MILLIS;
    }

    /**
     * Queues {@code start} from outside the loop, then runs the loop on the calling thread until it
     * has nothing left to do. {@code start} therefore runs as a loop callback (in the pending phase),
     * and everything it schedules runs inside this {@link Loop#run()}.
     */
    public static void runInside(Loop loop, Runnable start) {
        loop.execute(start);
        loop.run();
    }
}
