package dev.spindle.load;

import java.time.Duration;

/**
 * The latencies of the responses that arrived in one slice of a run, for a latency-over-time chart;
 * see {@link LoadOptions#timeline()}. Percentiles come from a histogram of two significant digits.
 *
 * @param start when the slice starts, from the start of the measured run
 * @param responses responses that arrived in the slice
 * @param p50 their median latency; zero when there were none
 * @param p99 their 99th percentile; zero when there were none
 * @param max the slowest of them; zero when there were none
 */
public record LatencyInterval(Duration start, long responses, Duration p50, Duration p99, Duration max) {}
