package dev.spindle.monitor;

import java.time.Duration;

/**
 * The event-loop lag histogram at one moment: how late the monitor's probe timer ran, in
 * nanoseconds. Values carry the histogram's precision (two significant digits, so within 1%).
 *
 * @param count samples, including the ones filled in for probe runs a stall swallowed (see
 *     {@link LagHistogram})
 * @param min smallest lag, ns
 * @param max largest lag, ns
 * @param mean mean lag, ns
 * @param stddev standard deviation, ns
 * @param p50 median, ns
 * @param p90 90th percentile, ns
 * @param p99 99th percentile, ns
 * @param p999 99.9th percentile, ns
 */
public record LagSnapshot(long count, long min, long max, double mean, double stddev,
                          long p50, long p90, long p99, long p999) {

    /** No samples yet. */
    public static final LagSnapshot EMPTY = new LagSnapshot(0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** {@link #p99()} as a {@link Duration}. */
    public Duration p99Duration() {
        return Duration.ofNanos(p99);
    }

    /** {@link #max()} as a {@link Duration}. */
    public Duration maxDuration() {
        return Duration.ofNanos(max);
    }
}
