/**
 * The load generator: HTTP/1.1 load from Spindle's own loop (one, or one per thread), closed-loop
 * or at a constant rate with coordinated omission corrected, reported as HDR latency percentiles,
 * statuses and errors by kind, in text or JSON. Public API in {@code dev.spindle.load}; the engine
 * and the report writers are internal.
 *
 * <p>A module of its own, between {@code dev.spindle.http} (its client) and its two users: the CLI's
 * {@code spindle load} and the benchmark module's showdown. Neither has to depend on the other, and
 * the CLI does not pull JMH or the benchmark peers onto its module path.
 */
module dev.spindle.load {
    requires transitive dev.spindle.http;
    requires HdrHistogram;
    requires com.fasterxml.jackson.databind;
    requires jdk.management; // the process CPU clock, to the nanosecond, for the report

    exports dev.spindle.load;
}
