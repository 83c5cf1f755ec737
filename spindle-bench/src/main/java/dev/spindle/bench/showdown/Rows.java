package dev.spindle.bench.showdown;

import java.util.List;

/** The rows of the showdown's tables, one record per scenario; each serializes to JSON as it is. */
public final class Rows {

    private Rows() {}

    /**
     * Scenario 1: plaintext {@code GET /} at 64 connections.
     *
     * @param model the model id
     * @param load throughput, latency and errors
     * @param peakRssMib the server's peak RSS during the run
     * @param lag the model's event-loop lag during the run; null without a monitor
     * @param otherWork the machine's other work during the run, % of all cores (a shared machine's noise)
     */
    public record Hello(String model, Figures load, double peakRssMib, Lag lag, double otherWork) {}

    /**
     * Scenario 2: the seed's request timeline ({@code GET /timeline}, 54 ms of waits) at one connection count.
     *
     * @param model the model id
     * @param connections connections, each with one request in flight
     * @param limitPerSecond the most any server can answer: connections / 55 ms
     * @param percentOfLimit throughput as a share of that limit
     * @param load throughput, latency and errors
     * @param peakRssMib the server's peak RSS during the run
     * @param kibPerConnection how much the server's RSS grew during the run, per connection
     * @param lag the model's event-loop lag during the run; null without a monitor
     * @param otherWork the machine's other work during the run, % of all cores (a shared machine's noise)
     */
    public record Timeline(String model, int connections, double limitPerSecond, double percentOfLimit, Figures load,
            double peakRssMib, double kibPerConnection, Lag lag, double otherWork) {}

    /**
     * Scenario 3: one client loops on {@code /compute} (inline) or {@code /compute/worker} (offloaded)
     * while 8 clients measure {@code GET /} at a constant rate.
     *
     * @param model the model id
     * @param variant {@code inline} or {@code offloaded}
     * @param computeRoute the route the computing client loops on
     * @param get the figures of {@code GET /} (latency counted from when each request was due)
     * @param computeResponses how many sums the computing client got back
     * @param computeMeanMs the mean time of one sum, as that client saw it
     * @param peakRssMib the server's peak RSS during the run
     * @param lag the model's event-loop lag during the run; null without a monitor
     * @param overTime {@code GET /} latency in 100 ms slices, for the chart
     * @param otherWork the machine's other work during the run, % of all cores (a shared machine's noise;
     *     the computing client's own load counts as this process's)
     */
    public record Stall(String model, String variant, String computeRoute, Figures get, long computeResponses,
            double computeMeanMs, double peakRssMib, Lag lag, List<Slice> overTime, double otherWork) {}

    /**
     * One 100 ms slice of {@code GET /} latency during the stall.
     *
     * @param atSeconds when the slice starts, from the start of the measured window
     * @param responses responses that arrived in it
     * @param p99Ms their 99th percentile
     * @param maxMs the slowest
     */
    public record Slice(double atSeconds, long responses, double p99Ms, double maxMs) {}

    /**
     * Scenario 4: the server blocked for a while as many new clients connect, each to make one request.
     *
     * @param model the model id
     * @param backlog the listen backlog asked for
     * @param clients new clients, all due within the first 250 ms of the block
     * @param blockMs how long the block lasted
     * @param served clients answered
     * @param servedLate of those, answered 1 s or more after the clients started
     * @param timedOut clients whose connect (2 s) or request timed out
     * @param refused clients refused (ECONNREFUSED)
     * @param otherErrors clients that failed another way (reset, ...)
     * @param p50Ms median latency of the answered, from when each was due (connect included)
     * @param p99Ms 99th percentile of the answered
     * @param maxMs the slowest answered
     * @param lag the model's event-loop lag during the run; null without a monitor
     */
    public record Cascade(String model, int backlog, int clients, long blockMs, long served, long servedLate,
            long timedOut, long refused, long otherErrors, double p50Ms, double p99Ms, double maxMs, Lag lag) {}

    /**
     * Scenario 5: event-loop lag as the model's monitor reported it during one scenario run.
     *
     * @param model the model id
     * @param scenario the scenario and run, e.g. {@code 2 timeline, 1000 conns}
     * @param lag the figures
     */
    public record LagRow(String model, String scenario, Lag lag) {}
}
