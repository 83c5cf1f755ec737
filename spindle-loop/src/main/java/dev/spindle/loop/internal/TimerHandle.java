package dev.spindle.loop.internal;

import dev.spindle.loop.Timer;
import dev.spindle.loop.spi.HandleBase;

/**
 * A timeout or interval. Active from creation until it fires (a timeout) or is closed. An interval
 * is re-armed before its callback runs, from the turn's time, as libuv does: a callback slower than
 * the period makes the next run late, never doubled.
 */
final class TimerHandle extends HandleBase implements Timer {

    private final EventLoop eventLoop;
    private final TimerQueue queue;
    final Runnable callback;
    private final long delay;
    private final boolean repeat;

    long deadline;
    long sequence;
    /** The list holding this timer while it is scheduled, with its neighbours there. */
    TimerList list;
    TimerHandle previous;
    TimerHandle next;
    /** On the timers phase's ready list and still to run; cleared by close or refresh. */
    boolean due;

    TimerHandle(EventLoop loop, TimerQueue queue, Runnable callback, long delay, boolean repeat) {
        super(loop);
        this.eventLoop = loop;
        this.queue = queue;
        this.callback = callback;
        this.delay = coerce(delay);
        this.repeat = repeat;
    }

    /** Node's rule: a delay below 1 ms or above 2^31-1 ms becomes 1 ms. */
    static long coerce(long delayMillis) {
        return delayMillis >= 1 && delayMillis <= MAX_DELAY_MILLIS ? delayMillis : 1;
    }

    void schedule(long nowMillis) {
        deadline = nowMillis + delay;
        sequence = queue.nextSequence();
        queue.add(this);
        activate();
    }

    /** Called for a due timer in the timers phase: re-arms or retires it, and says whether to run it. */
    boolean fire(long nowMillis) {
        if (!due) {
            return false;
        }
        due = false;
        if (repeat) {
            schedule(nowMillis);
        } else {
            deactivate();
        }
        return true;
    }

    @Override
    public Timer refresh() {
        eventLoop.checkLoopThread();
        if (!isClosed()) {
            queue.remove(this);
            due = false;
            schedule(eventLoop.now());
        }
        return this;
    }

    @Override
    public long delayMillis() {
        return delay;
    }

    @Override
    public boolean isInterval() {
        return repeat;
    }

    @Override
    public Timer ref() {
        super.ref();
        return this;
    }

    @Override
    public Timer unref() {
        super.unref();
        return this;
    }

    @Override
    protected void onClose() {
        queue.remove(this);
        due = false;
    }

    @Override
    public String toString() {
        return (repeat ? "Interval[" : "Timeout[") + delay + " ms, " + (isActive() ? "active" : "inactive") + "]";
    }
}
