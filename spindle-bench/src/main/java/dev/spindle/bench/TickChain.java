package dev.spindle.bench;

import dev.spindle.loop.Loop;

/**
 * {@code n} nextTicks, each queued by the one before, all drained after the one callback that
 * queued the first: the cost of the tick queue and the dispatcher's drain, with no loop turn in
 * between. One callback object: nothing is allocated per tick.
 */
public final class TickChain implements Runnable {

    private final Loop loop;
    private int remaining;
    private int ran;

    public TickChain(Loop loop) {
        this.loop = loop;
    }

    /** Loop thread, inside a callback: queues the first of {@code n} ticks. */
    public void start(int n) {
        remaining = n;
        ran = 0;
        loop.nextTick(this);
    }

    @Override
    public void run() {
        ran++;
        if (--remaining > 0) {
            loop.nextTick(this);
        }
    }

    /** Ticks run since the last {@link #start}. */
    public int ran() {
        return ran;
    }
}
