package dev.spindle.monitor.internal;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the watchdog thread may know about the loop thread: which top-level dispatch runs (a
 * sequence number), since when, and the innermost label running now. The loop thread publishes
 * with release stores, which cost no fence on its path; the watchdog reads with acquire loads.
 */
final class BlockState {

    /** {@link #start()} while no callback runs. */
    static final long IDLE = Long.MIN_VALUE;

    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong start = new AtomicLong(IDLE);
    private final AtomicReference<String> label = new AtomicReference<>();
    private final AtomicReference<Thread> loopThread = new AtomicReference<>();
    private final AtomicLong heartbeat = new AtomicLong();

    /** Loop thread: a top-level dispatch begins; returns its sequence number. */
    long begin(long now) {
        long seq = sequence.getPlain() + 1;
        sequence.setRelease(seq); // before the start time: a reader that sees the new start sees the new number
        start.setRelease(now);
        return seq;
    }

    /** Loop thread: the top-level dispatch is over. */
    void end() {
        start.setRelease(IDLE);
    }

    /** Loop thread: the innermost label running now, or null. */
    void label(String innermost) {
        label.setRelease(innermost);
    }

    /** Loop thread: remembers which thread to take stacks from. */
    void loopThread(Thread thread) {
        if (loopThread.getPlain() != thread) {
            loopThread.setRelease(thread);
        }
    }

    /** Watchdog thread: it woke up to look (every quarter of its threshold). */
    void beat() {
        heartbeat.setRelease(heartbeat.getPlain() + 1);
    }

    /**
     * How often the watchdog has woken: a dispatch that saw it change ran for a while. Stays 0
     * without a watchdog. Loop thread.
     */
    long heartbeat() {
        return heartbeat.getAcquire();
    }

    long sequence() {
        return sequence.getAcquire();
    }

    long start() {
        return start.getAcquire();
    }

    String label() {
        return label.getAcquire();
    }

    Thread loopThread() {
        return loopThread.getAcquire();
    }
}
