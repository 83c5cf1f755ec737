package dev.spindle.monitor.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * Requests per route label and status, their durations (fixed Prometheus buckets, exact, plus an
 * HDR histogram for percentiles), and shed requests per reason. Route labels are patterns
 * ({@code GET /users/:id}, {@code GET (unmatched)}), so they stay few; past
 * {@link LabelTimes#MAX_LABELS} they share {@link LabelTimes#OTHER}. The loop thread records
 * (the counters are single-writer: release stores, no atomic instruction); any thread reads.
 */
final class RequestStats {

    /** Upper bounds of the duration buckets, in seconds: Prometheus's client defaults. */
    static final double[] BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
    static final List<String> SHED_REASONS = List.of("lag", "utilization", "heap");
    /** {@link #BUCKETS} in nanoseconds. */
    private static final long[] BUCKET_NANOS = new long[BUCKETS.length];

    static {
        for (int i = 0; i < BUCKETS.length; i++) {
            BUCKET_NANOS[i] = Math.round(BUCKETS[i] * 1e9);
        }
    }

    private final ConcurrentHashMap<String, Route> routes = new ConcurrentHashMap<>();
    private final AtomicLong finished = new AtomicLong();
    private final Map<String, AtomicLong> shed = new TreeMap<>();
    /** Loop thread: the last route looked up, by identity (route labels are the routes' own strings). */
    private String lastKey;
    private Route lastRoute;

    RequestStats() {
        SHED_REASONS.forEach(reason -> shed.put(reason, new AtomicLong()));
    }

    /** One route's numbers at one moment. {@code buckets} are cumulative, the last being +Inf. */
    record RouteSnapshot(String route, Map<Integer, Long> statuses, long[] buckets, long count, long sumNanos,
                         long p50, long p90, long p99, long max) {}

    static final class Route {
        /** Statuses seen and their counts, side by side: a route answers with few, and nothing is boxed. */
        private int[] statuses = new int[4];
        private long[] statusCounts = new long[4];
        private int statusCount;
        private final long[] buckets = new long[BUCKETS.length + 1];
        private final Histogram latency = LagStore.histogram();
        private long count;
        private long sumNanos;

        synchronized void record(int status, long nanos) {
            add(status, nanos);
        }

        /** Requests {@code from} to {@code to} (exclusive) of a batch, each finished at {@code now}. */
        synchronized void recordAll(int[] statuses, long[] starts, int from, int to, long now) {
            for (int i = from; i < to; ) {
                int j = i + 1; // requests that started at the same reading with the same status: one entry
                while (j < to && starts[j] == starts[i] && statuses[j] == statuses[i]) {
                    j++;
                }
                add(statuses[i], Math.max(0, now - starts[i]), j - i);
                i = j;
            }
        }

        private void add(int status, long nanos) {
            add(status, nanos, 1);
        }

        private void add(int status, long nanos, int requests) {
            countStatus(status, requests);
            int bucket = 0;
            while (bucket < BUCKET_NANOS.length && nanos > BUCKET_NANOS[bucket]) {
                bucket++;
            }
            buckets[bucket] += requests;
            latency.recordValueWithCount(LagStore.units(nanos), requests);
            count += requests;
            sumNanos += nanos * requests;
        }

        private void countStatus(int status, int requests) {
            for (int i = 0; i < statusCount; i++) {
                if (statuses[i] == status) {
                    statusCounts[i] += requests;
                    return;
                }
            }
            if (statusCount == statuses.length) {
                statuses = java.util.Arrays.copyOf(statuses, statusCount * 2);
                statusCounts = java.util.Arrays.copyOf(statusCounts, statusCount * 2);
            }
            statuses[statusCount] = status;
            statusCounts[statusCount++] = requests;
        }

        synchronized RouteSnapshot read(String route) {
            long[] cumulative = new long[buckets.length];
            long running = 0;
            for (int i = 0; i < buckets.length; i++) {
                running += buckets[i];
                cumulative[i] = running;
            }
            Map<Integer, Long> byStatus = new TreeMap<>();
            for (int i = 0; i < statusCount; i++) {
                byStatus.put(statuses[i], statusCounts[i]);
            }
            return new RouteSnapshot(route, byStatus, cumulative, count, sumNanos,
                    LagStore.nanos(latency.getValueAtPercentile(50)), LagStore.nanos(latency.getValueAtPercentile(90)),
                    LagStore.nanos(latency.getValueAtPercentile(99)), LagStore.nanos(latency.getMaxValue()));
        }
    }

    /** Loop thread: the numbers of {@code route} (a route label, or null before routing). */
    Route route(String route) {
        if (route == lastKey && lastRoute != null) {
            return lastRoute;
        }
        String key = route == null ? "(none)" : route;
        Route stats = routes.get(key);
        if (stats == null) {
            stats = routes.computeIfAbsent(routes.size() < LabelTimes.MAX_LABELS ? key : LabelTimes.OTHER,
                    k -> new Route());
        }
        lastKey = route;
        lastRoute = stats;
        return stats;
    }

    /** Loop thread. */
    void record(String route, int status, long nanos) {
        route(route).record(status, Math.max(0, nanos));
        finished(1);
    }

    /** Loop thread: {@code n} more requests answered. */
    void finished(int n) {
        finished.setRelease(finished.getPlain() + n);
    }

    /** Loop thread. */
    void shed(String reason) {
        AtomicLong count = shed.get(reason);
        count.setRelease(count.getPlain() + 1);
    }

    /** Requests answered, shed ones included. */
    long finished() {
        return finished.getAcquire();
    }

    long shedTotal() {
        long total = 0;
        for (AtomicLong count : shed.values()) {
            total += count.get();
        }
        return total;
    }

    Map<String, Long> shedByReason() {
        Map<String, Long> copy = new TreeMap<>();
        shed.forEach((reason, count) -> copy.put(reason, count.get()));
        return copy;
    }

    List<RouteSnapshot> routes() {
        List<RouteSnapshot> all = new ArrayList<>();
        routes.forEach((route, stats) -> all.add(stats.read(route)));
        all.sort(Comparator.comparing(RouteSnapshot::route));
        return all;
    }
}
