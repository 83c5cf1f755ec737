package dev.spindle.monitor.internal;

import dev.spindle.loop.Clock;
import dev.spindle.monitor.Utilization;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Idle versus active time, as Node's {@code eventLoopUtilization()}: idle is the time the loop waits
 * in the poll phase's selector, active is everything else since the meter started. The loop thread
 * writes; any thread reads. A wait that is still going on when another thread reads counts as idle
 * up to the reading, so a reading never jumps when the wait ends.
 */
final class UtilizationMeter {

    private static final long NOT_WAITING = Long.MIN_VALUE;

    private final Clock clock;
    private final long startNanos;
    /** A sequence lock: odd while the loop thread moves a finished wait into {@link #idleNanos}. */
    private final AtomicLong version = new AtomicLong();
    private final AtomicLong idleNanos = new AtomicLong();
    private final AtomicLong waitStart = new AtomicLong(NOT_WAITING);

    UtilizationMeter(Clock clock) {
        this.clock = clock;
        this.startNanos = clock.nanoTime();
    }

    /** Loop thread: the selector wait begins. */
    void waitStarted(long now) {
        waitStart.setRelease(now);
    }

    /** Loop thread: the wait is over; returns its length (0 if none was going on). */
    long waitEnded(long now) {
        long start = waitStart.getPlain();
        if (start == NOT_WAITING) {
            return 0;
        }
        long idle = Math.max(0, now - start);
        long v = version.getPlain();
        version.setRelease(v + 1);
        idleNanos.setRelease(idleNanos.getPlain() + idle);
        waitStart.setRelease(NOT_WAITING);
        version.setRelease(v + 2);
        return idle;
    }

    /** Whether the loop is inside a selector wait. Loop thread. */
    boolean waiting() {
        return waitStart.getPlain() != NOT_WAITING;
    }

    /** Idle and active time since the meter started. Any thread. */
    Utilization read() {
        long now = clock.nanoTime();
        long idle;
        long start;
        while (true) {
            long before = version.getAcquire();
            idle = idleNanos.getAcquire();
            start = waitStart.getAcquire();
            if ((before & 1) == 0 && version.getAcquire() == before) {
                break;
            }
            Thread.onSpinWait();
        }
        if (start != NOT_WAITING) {
            idle += Math.max(0, now - start);
        }
        long elapsed = Math.max(0, now - startNanos);
        return Utilization.of(Math.min(idle, elapsed), Math.max(0, elapsed - idle));
    }
}
