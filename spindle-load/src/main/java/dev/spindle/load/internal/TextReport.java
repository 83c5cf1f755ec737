package dev.spindle.load.internal;

import dev.spindle.load.ErrorKind;
import dev.spindle.load.Latency;
import dev.spindle.load.LoadReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/** A report as a person reads it: what ran, then latency, throughput, statuses, errors. */
public final class TextReport {

    private TextReport() {}

    public static String format(LoadReport report) {
        StringBuilder out = new StringBuilder();
        out.append("Spindle load: ").append(report.target()).append('\n');
        out.append("  ").append(report.connections()).append(report.connections() == 1 ? " connection" : " connections")
                .append(", pipelining ").append(report.pipelining())
                .append(report.rate() > 0 ? ", constant rate " + Units.rate(report.rate()) + " req/s (latency from when each request was due)"
                        : ", closed loop")
                .append(", ").append(report.loops()).append(report.loops() == 1 ? " loop" : " loops")
                .append(", ").append(Units.duration(report.elapsed())).append('\n');
        out.append('\n');
        latency(out, report.latency());
        out.append('\n');
        out.append(String.format(Locale.ROOT, "  %-11s %s responses in %s, %s req/s%n", "Throughput",
                Units.count(report.responses()), Units.duration(report.elapsed()), Units.rate(report.throughput())));
        perSecond(out, report.perSecond());
        double seconds = Math.max(report.elapsed().toNanos() / 1e9, 1e-9);
        out.append(String.format(Locale.ROOT, "  %-11s %s read (%s/s), %s written%n", "Transfer",
                Units.bytes(report.bytesRead()), Units.bytes(report.bytesRead() / seconds), Units.bytes(report.bytesWritten())));
        out.append(String.format(Locale.ROOT, "  %-11s %s%n", "Statuses", statuses(report.statuses())));
        if (report.generatorCpu().isPositive()) {
            out.append(String.format(Locale.ROOT, "  %-11s %s CPU, %.0f%% of a core, %s per response%n", "Generator",
                    Units.duration(report.generatorCpu()), 100.0 * report.generatorCpu().toNanos() / Math.max(1, report.elapsed().toNanos()),
                    Units.duration(report.generatorCpuPerResponse())));
        }
        errors(out, report);
        return out.toString();
    }

    private static void latency(StringBuilder out, Latency latency) {
        if (latency.count() == 0) {
            out.append("  Latency     no responses\n");
            return;
        }
        String[] names = {"p50", "p90", "p99", "p99.9", "max", "mean", "stdev"};
        String[] values = {Units.duration(latency.p50()), Units.duration(latency.p90()), Units.duration(latency.p99()),
            Units.duration(latency.p999()), Units.duration(latency.max()), Units.duration(latency.mean()),
            Units.duration(latency.stdev())};
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "  %-11s", "Latency"));
        StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "  %-11s", ""));
        for (int i = 0; i < names.length; i++) {
            head.append(String.format(Locale.ROOT, " %-10s", names[i]));
            row.append(String.format(Locale.ROOT, " %-10s", values[i]));
        }
        out.append(head.toString().stripTrailing()).append('\n').append(row.toString().stripTrailing()).append('\n');
    }

    private static void perSecond(StringBuilder out, List<Long> perSecond) {
        if (perSecond.size() < 2) {
            return;
        }
        long min = Long.MAX_VALUE;
        long max = 0;
        for (long n : perSecond) {
            min = Math.min(min, n);
            max = Math.max(max, n);
        }
        out.append(String.format(Locale.ROOT, "  %-11s min %s, max %s responses over %d whole seconds%n", "Per second",
                Units.count(min), Units.count(max), perSecond.size()));
    }

    private static String statuses(Map<Integer, Long> statuses) {
        if (statuses.isEmpty()) {
            return "none";
        }
        StringJoiner joiner = new StringJoiner(", ");
        statuses.forEach((status, count) -> joiner.add(status + ": " + Units.count(count)));
        return joiner.toString();
    }

    private static void errors(StringBuilder out, LoadReport report) {
        List<String> counts = new ArrayList<>();
        for (ErrorKind kind : ErrorKind.values()) {
            long n = report.errors(kind);
            if (n > 0) {
                counts.add(kind.label() + " " + Units.count(n));
            }
        }
        out.append(String.format(Locale.ROOT, "  %-11s %s%n", "Errors", counts.isEmpty() ? "none" : String.join(", ", counts)));
        report.firstErrors().forEach((kind, message) ->
                out.append(String.format(Locale.ROOT, "  %-11s first %s: %s%n", "", kind.label(), message)));
    }
}
