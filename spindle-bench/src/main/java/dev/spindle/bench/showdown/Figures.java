package dev.spindle.bench.showdown;

import dev.spindle.load.ErrorKind;
import dev.spindle.load.LoadReport;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The figures of one load run that the tables show: throughput, latency percentiles in
 * milliseconds, and errors (failed requests and non-2xx responses) with their kinds.
 *
 * @param requestsPerSecond responses per second over the measured window
 * @param responses responses received
 * @param p50Ms median latency
 * @param p90Ms 90th percentile
 * @param p99Ms 99th percentile
 * @param p999Ms 99.9th percentile
 * @param maxMs the slowest response
 * @param errors failed requests plus non-2xx responses
 * @param errorKinds the errors by kind, only the kinds that happened
 */
public record Figures(double requestsPerSecond, long responses, double p50Ms, double p90Ms, double p99Ms,
        double p999Ms, double maxMs, long errors, Map<String, Long> errorKinds) {

    /** The figures of {@code report}. */
    static Figures of(LoadReport report) {
        Map<String, Long> kinds = new LinkedHashMap<>();
        report.errors().forEach((kind, count) -> {
            if (count > 0) {
                kinds.put(kind.label(), count);
            }
        });
        return new Figures(Math.round(report.throughput() * 10) / 10.0, report.responses(), ms(report.latency().p50()),
                ms(report.latency().p90()), ms(report.latency().p99()), ms(report.latency().p999()),
                ms(report.latency().max()), report.failures() + report.errors(ErrorKind.NON_2XX), kinds);
    }

    static double ms(Duration duration) {
        return Math.round(duration.toNanos() / 1e3) / 1e3;
    }
}
