package dev.spindle.bench;

import dev.spindle.loop.Loop;
import java.util.function.IntToLongFunction;

/**
 * libuv's {@code million_timers} shape: {@code n} timeouts scheduled at once, then the loop runs
 * until every one has fired. One shared callback; each timer costs its handle, as in Node.
 */
public final class TimerStorm implements Runnable {

    private final Loop loop;
    private final IntToLongFunction delayOf;
    private final Runnable fire = this::onFire;
    private int n;
    private int fired;

    /** A storm whose timer {@code i} waits {@code delayOf.applyAsLong(i)} milliseconds. */
    public TimerStorm(Loop loop, IntToLongFunction delayOf) {
        this.loop = loop;
        this.delayOf = delayOf;
    }

    /** Every timer waits {@link LoopShapes#SAME_DELAY_MILLIS}. */
    public static TimerStorm sameDelay(Loop loop) {
        return new TimerStorm(loop, i -> LoopShapes.SAME_DELAY_MILLIS);
    }

    /** Timer {@code i} waits {@link LoopShapes#variedDelayMillis(int)}. */
    public static TimerStorm variedDelays(Loop loop) {
        return new TimerStorm(loop, LoopShapes::variedDelayMillis);
    }

    /** Sets the number of timers the next {@link #run} schedules. */
    public TimerStorm size(int timers) {
        this.n = timers;
        return this;
    }

    /** Loop thread: schedules the timers. */
    @Override
    public void run() {
        fired = 0;
        for (int i = 0; i < n; i++) {
            loop.setTimeout(fire, delayOf.applyAsLong(i));
        }
    }

    private void onFire() {
        fired++;
    }

    /** Timers fired since the last {@link #run}. */
    public int fired() {
        return fired;
    }
}
