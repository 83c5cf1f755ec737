package dev.spindle.monitor.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spindle.loop.Phase;
import dev.spindle.loop.PoolStats;
import dev.spindle.monitor.BlockedCallback;
import dev.spindle.monitor.LabelTime;
import dev.spindle.monitor.LagSnapshot;
import dev.spindle.monitor.Utilization;
import java.io.UncheckedIOException;
import java.lang.management.MemoryUsage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON documents: {@code GET /status} and the dashboard's stream events. Built as maps and
 * lists, so Jackson needs no reflective access to this module. Durations are in milliseconds
 * (fields end in {@code Ms}), as people read them.
 */
final class Reports {

    /** Frames of a blocked callback's stack the dashboard shows. */
    static final int DASHBOARD_FRAMES = 6;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Reports() {}

    static String json(Object document) {
        try {
            return MAPPER.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Object> status(MonitorImpl m) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("uptimeSeconds", (m.clock.nanoTime() - m.startNanos) / 1e9);
        Map<String, Object> lag = new LinkedHashMap<>();
        lag.put("resolutionMs", m.options.lagResolution().toMillis());
        lag.put("windowSeconds", m.options.window().toSeconds());
        lag.put("window", lag(m.lag.window()));
        lag.put("sinceReset", lag(m.lag.snapshot()));
        doc.put("lag", lag);
        Utilization total = m.utilization();
        doc.put("utilization", Map.of(
                "total", total.utilization(),
                "window", m.windowUtilization().utilization(),
                "idleSeconds", total.idleNanos() / 1e9,
                "activeSeconds", total.activeNanos() / 1e9));
        Map<String, Object> loop = new LinkedHashMap<>();
        loop.put("turns", m.turns());
        loop.put("callbacks", m.callbacks());
        Map<String, Object> phases = new LinkedHashMap<>();
        m.phaseTimes().forEach((phase, time) -> phases.put(phaseName(phase), time.toNanos() / 1e9));
        loop.put("phaseSeconds", phases);
        loop.put("topLabels", labels(m.topLabels(m.options.topLabels())));
        doc.put("loop", loop);
        Map<String, Object> watchdog = new LinkedHashMap<>();
        watchdog.put("enabled", m.options.watchdog());
        watchdog.put("thresholdMs", m.options.blockedThreshold().toMillis());
        watchdog.put("blocks", m.blocked.total());
        watchdog.put("byLabel", blocked(m.blocked(), m.options.stackDepth()));
        doc.put("watchdog", watchdog);
        doc.put("pools", m.pools().stream().map(Reports::pool).toList());
        doc.put("http", http(m));
        doc.put("jvm", jvm(m.jvm));
        return doc;
    }

    static Map<String, Object> dashboardTick(MonitorImpl m, Dashboard.Point point) {
        Map<String, Object> doc = dashboardState(m);
        doc.put("point", point.toJson());
        return doc;
    }

    static Map<String, Object> dashboardSnapshot(MonitorImpl m) {
        Map<String, Object> doc = dashboardState(m);
        doc.put("history", m.dashboard.history().stream().map(Dashboard.Point::toJson).toList());
        return doc;
    }

    private static Map<String, Object> dashboardState(MonitorImpl m) {
        Map<String, Object> doc = new LinkedHashMap<>();
        LagSnapshot window = m.lag.window();
        PoolStats pool = m.loop.blockingPoolStats();
        Map<String, Object> totals = new LinkedHashMap<>();
        totals.put("uptimeSeconds", (m.clock.nanoTime() - m.startNanos) / 1e9);
        totals.put("requests", m.requests.finished());
        totals.put("shed", m.requests.shedTotal());
        totals.put("shedding", m.shedder != null && m.shedder.shedding());
        totals.put("sheddingEnabled", m.shedder != null);
        totals.put("blocks", m.blocked.total());
        totals.put("thresholdMs", m.options.blockedThreshold().toMillis());
        totals.put("lagWindowP99Ms", Millis.of(window.p99()));
        totals.put("lagWindowMaxMs", Millis.of(window.max()));
        totals.put("utilizationWindow", m.windowUtilization().utilization());
        totals.put("windowSeconds", m.options.window().toSeconds());
        totals.put("poolQueue", pool.queueDepth());
        totals.put("poolActive", pool.active());
        totals.put("poolThreads", pool.threads());
        doc.put("totals", totals);
        doc.put("blocked", blocked(m.blocked(), DASHBOARD_FRAMES));
        doc.put("labels", labels(m.topLabels(10)));
        return doc;
    }

    static Map<String, Object> lag(LagSnapshot s) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("count", s.count());
        json.put("minMs", Millis.of(s.min()));
        json.put("maxMs", Millis.of(s.max()));
        json.put("meanMs", Millis.of(Math.round(s.mean())));
        json.put("stddevMs", Millis.of(Math.round(s.stddev())));
        json.put("p50Ms", Millis.of(s.p50()));
        json.put("p90Ms", Millis.of(s.p90()));
        json.put("p99Ms", Millis.of(s.p99()));
        json.put("p999Ms", Millis.of(s.p999()));
        return json;
    }

    private static List<Map<String, Object>> labels(List<LabelTime> top) {
        return top.stream().map(t -> {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("label", t.label());
            json.put("ms", Millis.of(t.nanos()));
            json.put("dispatches", t.dispatches());
            return json;
        }).toList();
    }

    private static List<Map<String, Object>> blocked(List<BlockedCallback> all, int frames) {
        return all.stream().map(b -> {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("label", b.label());
            json.put("count", b.count());
            json.put("worstMs", Millis.of(b.worstNanos()));
            json.put("lastMs", Millis.of(b.lastNanos()));
            json.put("stack", b.lastStack().stream().limit(frames).map(Millis::frame).toList());
            return json;
        }).toList();
    }

    private static Map<String, Object> pool(PoolStats p) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", p.name());
        json.put("threads", p.threads());
        json.put("queueDepth", p.queueDepth());
        json.put("queueCapacity", p.queueCapacity());
        json.put("active", p.active());
        json.put("completed", p.completed());
        json.put("rejected", p.rejected());
        json.put("meanWaitMs", Millis.of(Math.round(p.meanQueueWaitNanos())));
        json.put("maxWaitMs", Millis.of(p.maxQueueWaitNanos()));
        return json;
    }

    private static Map<String, Object> http(MonitorImpl m) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("requests", m.requests.finished());
        Map<String, Object> shed = new LinkedHashMap<>();
        shed.put("enabled", m.shedder != null);
        shed.put("active", m.shedder != null && m.shedder.shedding());
        shed.put("total", m.requests.shedTotal());
        shed.put("byReason", m.requests.shedByReason());
        json.put("shedding", shed);
        json.put("routes", m.requests.routes().stream().map(r -> {
            Map<String, Object> route = new LinkedHashMap<>();
            route.put("route", r.route());
            route.put("count", r.count());
            Map<String, Long> statuses = new LinkedHashMap<>();
            r.statuses().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> statuses.put(Integer.toString(e.getKey()), e.getValue()));
            route.put("statuses", statuses);
            route.put("p50Ms", Millis.of(r.p50()));
            route.put("p90Ms", Millis.of(r.p90()));
            route.put("p99Ms", Millis.of(r.p99()));
            route.put("maxMs", Millis.of(r.max()));
            return route;
        }).toList());
        return json;
    }

    private static Map<String, Object> jvm(JvmMetrics jvm) {
        Map<String, Object> json = new LinkedHashMap<>();
        MemoryUsage heap = jvm.heap();
        json.put("heapUsed", heap.getUsed());
        json.put("heapCommitted", heap.getCommitted());
        json.put("heapMax", heap.getMax());
        json.put("nonHeapUsed", jvm.nonHeap().getUsed());
        json.put("threads", jvm.liveThreads());
        json.put("gc", jvm.collectors().stream().map(gc -> Map.<String, Object>of(
                "name", gc.name(), "count", gc.count(), "seconds", gc.millis() / 1e3)).toList());
        return json;
    }

    static String phaseName(Phase phase) {
        return phase.name().toLowerCase(Locale.ROOT);
    }
}
