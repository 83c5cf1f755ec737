package dev.spindle.bench;

import dev.spindle.loop.Loop;

/**
 * {@code n} immediates, each queued by the one before: one immediate per loop turn, so this
 * measures a whole turn (time update, every phase, a non-blocking poll) per callback. The one
 * callback object is queued again and again, so the shape allocates nothing per immediate.
 */
public final class ImmediateChain implements Runnable {

    private final Loop loop;
    private int remaining;
    private int ran;

    public ImmediateChain(Loop loop) {
        this.loop = loop;
    }

    /** Loop thread: queues the first of {@code n} immediates. */
    public void start(int n) {
        remaining = n;
        ran = 0;
        loop.setImmediate(this);
    }

    @Override
    public void run() {
        ran++;
        if (--remaining > 0) {
            loop.setImmediate(this);
        }
    }

    /** Immediates run since the last {@link #start}. */
    public int ran() {
        return ran;
    }
}
