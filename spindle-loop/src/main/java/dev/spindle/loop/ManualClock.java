package dev.spindle.loop;

import java.time.Duration;

/**
 * A virtual clock for tests: time moves only when a test calls {@link #advance} or when the loop,
 * about to wait for its next timer with nothing else to do, jumps straight to that timer's
 * deadline. Work offloaded to the blocking pool takes no virtual time: while such a call is in
 * flight the loop waits for it rather than jumping. Timer tests therefore run exactly and
 * instantly, without sleeping. Thread-safe.
 */
public final class ManualClock implements Clock {

    private volatile long nanos;

    /** A clock starting at zero. */
    public ManualClock() {
        this(0);
    }

    /** A clock starting at {@code startNanos}. */
    public ManualClock(long startNanos) {
        this.nanos = startNanos;
    }

    @Override
    public long nanoTime() {
        return nanos;
    }

    @Override
    public boolean isVirtual() {
        return true;
    }

    /** Moves time forward by {@code duration} (a callback can call it to pretend to be slow). */
    public synchronized void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("time cannot go backwards: " + duration);
        }
        nanos += duration.toNanos();
    }

    /** Moves time forward by {@code millis} milliseconds. */
    public void advanceMillis(long millis) {
        advance(Duration.ofMillis(millis));
    }

    @Override
    public synchronized void advanceTo(long nanoTime) {
        if (nanoTime > nanos) {
            nanos = nanoTime;
        }
    }
}
