package dev.spindle.load.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.spindle.load.ErrorKind;
import dev.spindle.load.Latency;
import dev.spindle.load.LatencyInterval;
import dev.spindle.load.LoadReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A report as one JSON object with stable names: plain maps handed to Jackson, so no report type
 * needs to be open to reflection. Latencies are in milliseconds (three decimals), sizes in bytes.
 */
public final class JsonReport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {}

    public static String format(LoadReport report) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("target", report.target());
        root.put("connections", report.connections());
        root.put("pipelining", report.pipelining());
        root.put("mode", report.rate() > 0 ? "constant-rate" : "closed-loop");
        root.put("rate", report.rate());
        root.put("loops", report.loops());
        root.put("durationSeconds", report.elapsed().toNanos() / 1e9);
        root.put("responses", report.responses());
        root.put("requestsPerSecond", Math.round(report.throughput() * 10) / 10.0);
        root.put("latencyMs", latency(report.latency()));
        Map<String, Long> statuses = new LinkedHashMap<>();
        report.statuses().forEach((status, count) -> statuses.put(Integer.toString(status), count));
        root.put("statuses", statuses);
        Map<String, Object> errors = new LinkedHashMap<>();
        for (ErrorKind kind : ErrorKind.values()) {
            errors.put(name(kind), report.errors(kind));
        }
        root.put("errors", errors);
        Map<String, String> first = new LinkedHashMap<>();
        report.firstErrors().forEach((kind, message) -> first.put(name(kind), message));
        root.put("firstErrors", first);
        root.put("bytesRead", report.bytesRead());
        root.put("bytesWritten", report.bytesWritten());
        root.put("perSecond", report.perSecond());
        root.put("generatorCpuSeconds", report.generatorCpu().toNanos() / 1e9);
        if (!report.timeline().isEmpty()) {
            root.put("timeline", timeline(report));
        }
        root.put("generatorCpuMicrosPerResponse", Math.round(report.generatorCpuPerResponse().toNanos() / 10.0) / 100.0);
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a report of plain maps must serialize", e);
        }
    }

    private static List<Map<String, Object>> timeline(LoadReport report) {
        List<Map<String, Object>> slices = new ArrayList<>();
        for (LatencyInterval slice : report.timeline()) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("startMs", Units.millis(slice.start()));
            out.put("responses", slice.responses());
            out.put("p50", Units.millis(slice.p50()));
            out.put("p99", Units.millis(slice.p99()));
            out.put("max", Units.millis(slice.max()));
            slices.add(out);
        }
        return slices;
    }

    private static Map<String, Object> latency(Latency latency) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("count", latency.count());
        out.put("min", Units.millis(latency.min()));
        out.put("mean", Units.millis(latency.mean()));
        out.put("stdev", Units.millis(latency.stdev()));
        out.put("p50", Units.millis(latency.p50()));
        out.put("p75", Units.millis(latency.p75()));
        out.put("p90", Units.millis(latency.p90()));
        out.put("p99", Units.millis(latency.p99()));
        out.put("p99_9", Units.millis(latency.p999()));
        out.put("p99_99", Units.millis(latency.p9999()));
        out.put("max", Units.millis(latency.max()));
        return out;
    }

    /** {@code CONNECT_REFUSED} as {@code connectRefused}. */
    private static String name(ErrorKind kind) {
        String[] words = kind.name().toLowerCase(Locale.ROOT).split("_");
        StringBuilder name = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            name.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return name.toString();
    }
}
