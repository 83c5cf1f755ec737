package dev.spindle.monitor.internal;

/**
 * The shedding checks' short window, in ten slots that move with time: probe samples in all and
 * above the lag threshold, and idle time. The lag's 99th percentile is above the threshold exactly
 * when more than 1% of the window's samples are, so the check is two sums, not a histogram merge,
 * and cheap enough for every request. Loop thread only.
 */
final class PressureWindow {

    static final int SLOTS = 10;

    private final long slotNanos;
    private final long resolutionNanos;
    private final long lagThresholdNanos;
    private long armedAt;
    private boolean armed;
    private final long[] samples = new long[SLOTS];
    private final long[] over = new long[SLOTS];
    private final long[] idle = new long[SLOTS];
    private int slot;
    private long slotStart;
    private long version;

    PressureWindow(long windowNanos, long resolutionNanos, long lagThresholdNanos, long now) {
        this.slotNanos = Math.max(1, windowNanos / SLOTS);
        this.resolutionNanos = resolutionNanos;
        this.lagThresholdNanos = lagThresholdNanos;
        this.slotStart = now;
    }

    /**
     * Starts counting, at the first request: a stall before any request arrived (the app's own
     * start-up work) has queued nobody, and must not turn the first clients away.
     */
    void arm(long now) {
        if (!armed) {
            version++;
            armed = true;
            armedAt = now;
            slotStart = now;
            java.util.Arrays.fill(samples, 0);
            java.util.Arrays.fill(over, 0);
            java.util.Arrays.fill(idle, 0);
        }
    }

    boolean armed() {
        return armed;
    }

    /** Changes whenever a sample or idle time comes in: with the same time, the checks read the same. */
    long version() {
        return version;
    }

    /**
     * A probe sample {@code lateNanos} late, with the samples a steady probe would have taken
     * during the stall, as {@link org.HdrHistogram.AbstractHistogram#recordValueWithExpectedInterval}
     * fills them in: late, late - r, late - 2r, ... down to r.
     */
    void lagSample(long lateNanos, long now) {
        if (!armed) {
            return;
        }
        advance(now);
        version++;
        long count = 1;
        if (lateNanos > resolutionNanos) {
            count += (lateNanos - resolutionNanos) / resolutionNanos;
        }
        long above = 0;
        if (lagThresholdNanos > 0 && lateNanos > lagThresholdNanos) {
            above = Math.min(count, Math.ceilDiv(lateNanos - lagThresholdNanos, resolutionNanos));
        }
        samples[slot] += count;
        over[slot] += above;
    }

    /** The loop waited {@code nanos} in its selector, until {@code now}. */
    void idle(long nanos, long now) {
        if (!armed) {
            return;
        }
        advance(now);
        version++;
        idle[slot] += nanos;
    }

    /** The share of the window's lag samples above the threshold; 0 with no samples. */
    double lagOverFraction(long now) {
        advance(now);
        long total = 0;
        long above = 0;
        for (int i = 0; i < SLOTS; i++) {
            total += samples[i];
            above += over[i];
        }
        return total == 0 ? 0 : (double) above / total;
    }

    /** Utilization over the window; 0 until a whole window has passed since {@link #arm}. */
    double utilization(long now) {
        advance(now);
        long span = (SLOTS - 1) * slotNanos + (now - slotStart);
        if (!armed || now - armedAt < SLOTS * slotNanos || span <= 0) {
            return 0;
        }
        long idleSum = 0;
        for (long i : idle) {
            idleSum += i;
        }
        return Math.clamp(1 - (double) idleSum / span, 0, 1);
    }

    private void advance(long now) {
        long steps = (now - slotStart) / slotNanos;
        if (steps <= 0) {
            return;
        }
        for (long i = 0; i < Math.min(steps, SLOTS); i++) {
            slot = (slot + 1) % SLOTS;
            samples[slot] = 0;
            over[slot] = 0;
            idle[slot] = 0;
        }
        slotStart += steps * slotNanos;
    }
}
