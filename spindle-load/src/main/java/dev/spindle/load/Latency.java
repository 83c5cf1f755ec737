package dev.spindle.load;

import java.time.Duration;

/**
 * The latency distribution of a run's responses, from an HDR histogram (three significant digits).
 * In a {@linkplain LoadOptions#rate() constant-rate} run every latency counts from the time the
 * request was due to be sent, not from when it was sent, so a stall shows in every request that was
 * due during it (coordinated omission corrected, as wrk2 does).
 *
 * @param count responses measured
 * @param min the fastest
 * @param mean the arithmetic mean
 * @param stdev the standard deviation
 * @param p50 the median
 * @param p75 the 75th percentile
 * @param p90 the 90th percentile
 * @param p99 the 99th percentile
 * @param p999 the 99.9th percentile
 * @param p9999 the 99.99th percentile
 * @param max the slowest
 */
public record Latency(long count, Duration min, Duration mean, Duration stdev, Duration p50, Duration p75, Duration p90,
        Duration p99, Duration p999, Duration p9999, Duration max) {

    /** No responses measured: every figure is zero. */
    public static final Latency NONE = new Latency(0, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO,
            Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO);
}
