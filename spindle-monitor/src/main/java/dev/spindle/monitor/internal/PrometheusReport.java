package dev.spindle.monitor.internal;

import dev.spindle.loop.PoolStats;
import dev.spindle.monitor.BlockedCallback;
import dev.spindle.monitor.LabelTime;
import dev.spindle.monitor.LagSnapshot;
import dev.spindle.monitor.Utilization;
import java.lang.management.MemoryUsage;
import java.util.List;

/** {@code GET /metrics}: every metric of the monitor and the JVM in Prometheus text. METRICS.md lists them. */
final class PrometheusReport {

    private static final double NANOS = 1e9;

    private PrometheusReport() {}

    static String write(MonitorImpl m) {
        PrometheusText out = new PrometheusText();
        lag(out, m);
        loop(out, m);
        watchdog(out, m);
        pools(out, m.pools(), m.poolWaits);
        http(out, m);
        jvm(out, m.jvm);
        return out.toString();
    }

    private static void lag(PrometheusText out, MonitorImpl m) {
        LagSnapshot window = m.lag.window();
        LagSnapshot total = m.lag.snapshot();
        String lag = "spindle_eventloop_lag_seconds";
        out.family(lag, "summary", "How late the loop ran its probe timer: quantiles over the last "
                + m.options.window().toSeconds() + " s, sum and count since start or reset");
        out.sample(lag, window.p50() / NANOS, "quantile", "0.5");
        out.sample(lag, window.p90() / NANOS, "quantile", "0.9");
        out.sample(lag, window.p99() / NANOS, "quantile", "0.99");
        out.sample(lag, window.p999() / NANOS, "quantile", "0.999");
        out.sample(lag + "_sum", total.mean() * total.count() / NANOS);
        out.sample(lag + "_count", total.count());
        out.gauge(lag + "_min", "Smallest lag over the window", window.min() / NANOS);
        out.gauge(lag + "_max", "Largest lag over the window", window.max() / NANOS);
        out.gauge(lag + "_mean", "Mean lag over the window", window.mean() / NANOS);
        out.gauge(lag + "_stddev", "Standard deviation of the lag over the window", window.stddev() / NANOS);
        out.gauge("spindle_eventloop_lag_resolution_seconds", "Period of the lag probe timer",
                m.options.lagResolution().toNanos() / NANOS);
    }

    private static void loop(PrometheusText out, MonitorImpl m) {
        Utilization total = m.utilization();
        out.gauge("spindle_eventloop_utilization", "Share of time the loop was not waiting in poll, over the last "
                + m.options.window().toSeconds() + " s", m.windowUtilization().utilization());
        out.counter("spindle_eventloop_idle_seconds_total", "Time the loop waited in the poll phase's selector",
                total.idleNanos() / NANOS);
        out.counter("spindle_eventloop_active_seconds_total", "Time the loop was not waiting in poll",
                total.activeNanos() / NANOS);
        String phase = "spindle_eventloop_phase_seconds_total";
        out.family(phase, "counter", "Time spent in each loop phase (poll includes its idle wait)");
        m.phaseTimes().forEach((p, time) -> out.sample(phase, time.toNanos() / NANOS, "phase", Reports.phaseName(p)));
        out.counter("spindle_eventloop_turns_total", "Loop turns", m.turns());
        out.counter("spindle_eventloop_callbacks_total", "Top-level callbacks dispatched in finished turns", m.callbacks());
        String perTurn = "spindle_eventloop_callbacks_per_turn";
        out.family(perTurn, "histogram", "Top-level callbacks dispatched per loop turn");
        long[] buckets = m.phases.callbacksPerTurn();
        long cumulative = 0;
        for (int i = 0; i < buckets.length; i++) {
            cumulative += buckets[i];
            String le = i < PhaseTimes.PER_TURN_BOUNDS.length ? Long.toString(PhaseTimes.PER_TURN_BOUNDS[i]) : "+Inf";
            out.sample(perTurn + "_bucket", cumulative, "le", le);
        }
        out.sample(perTurn + "_sum", m.callbacks());
        out.sample(perTurn + "_count", cumulative);
        List<LabelTime> top = m.topLabels(m.options.topLabels());
        String time = "spindle_loop_time_seconds_total";
        out.family(time, "counter", "Loop time used per dispatch label (top " + m.options.topLabels() + ")");
        top.forEach(t -> out.sample(time, t.nanos() / NANOS, "label", t.label()));
        String dispatches = "spindle_loop_dispatches_total";
        out.family(dispatches, "counter", "Callbacks dispatched per label (same labels as spindle_loop_time_seconds_total)");
        top.forEach(t -> out.sample(dispatches, t.dispatches(), "label", t.label()));
    }

    private static void watchdog(PrometheusText out, MonitorImpl m) {
        List<BlockedCallback> blocked = m.blocked();
        String count = "spindle_blocked_callbacks_total";
        out.family(count, "counter", "Callbacks that held the loop past the watchdog threshold, per label");
        blocked.forEach(b -> out.sample(count, b.count(), "label", b.label()));
        String worst = "spindle_blocked_callback_max_seconds";
        out.family(worst, "gauge", "The longest block of the loop per label");
        blocked.forEach(b -> out.sample(worst, b.worstNanos() / NANOS, "label", b.label()));
        out.gauge("spindle_watchdog_threshold_seconds", "How long one callback may hold the loop before it is reported",
                m.options.watchdog() ? m.options.blockedThreshold().toNanos() / NANOS : 0);
    }

    private static void pools(PrometheusText out, List<PoolStats> pools, PoolWaits waits) {
        String depth = "spindle_pool_queue_depth";
        out.family(depth, "gauge", "Tasks waiting for a pool thread");
        pools.forEach(p -> out.sample(depth, p.queueDepth(), "pool", p.name()));
        String active = "spindle_pool_active_threads";
        out.family(active, "gauge", "Pool threads running a task");
        pools.forEach(p -> out.sample(active, p.active(), "pool", p.name()));
        String threads = "spindle_pool_threads";
        out.family(threads, "gauge", "Configured pool threads");
        pools.forEach(p -> out.sample(threads, p.threads(), "pool", p.name()));
        String completed = "spindle_pool_completed_total";
        out.family(completed, "counter", "Pool tasks finished");
        pools.forEach(p -> out.sample(completed, p.completed(), "pool", p.name()));
        String rejected = "spindle_pool_rejected_total";
        out.family(rejected, "counter", "Pool submissions refused because the queue was full");
        pools.forEach(p -> out.sample(rejected, p.rejected(), "pool", p.name()));
        String wait = "spindle_pool_wait_seconds";
        out.family(wait, "histogram", "Time tasks waited in the pool queue before a thread took them");
        pools.forEach(p -> {
            PoolWaits.Snapshot observed = waits.snapshot(p.name());
            if (observed == null) {
                // No task started since the monitor did, or a pool without per-task reports: totals only.
                long started = p.completed() + p.active();
                out.sample(wait + "_bucket", started, "pool", p.name(), "le", "+Inf");
                out.sample(wait + "_sum", p.totalQueueWaitNanos() / NANOS, "pool", p.name());
                out.sample(wait + "_count", started, "pool", p.name());
                return;
            }
            for (int i = 0; i < observed.buckets().length; i++) {
                String le = i < PoolWaits.BUCKETS.length ? PrometheusText.bound(PoolWaits.BUCKETS[i]) : "+Inf";
                out.sample(wait + "_bucket", observed.buckets()[i], "pool", p.name(), "le", le);
            }
            out.sample(wait + "_sum", observed.sumNanos() / NANOS, "pool", p.name());
            out.sample(wait + "_count", observed.count(), "pool", p.name());
        });
        String waitMax = "spindle_pool_wait_seconds_max";
        out.family(waitMax, "gauge", "The longest time one task waited in the pool queue");
        pools.forEach(p -> out.sample(waitMax, p.maxQueueWaitNanos() / NANOS, "pool", p.name()));
    }

    private static void http(PrometheusText out, MonitorImpl m) {
        List<RequestStats.RouteSnapshot> routes = m.requests.routes();
        String requests = "spindle_http_requests_total";
        out.family(requests, "counter", "HTTP requests answered, per route and status (shed ones included)");
        routes.forEach(r -> r.statuses().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .forEach(e -> out.sample(requests, e.getValue(), "route", r.route(), "status", e.getKey().toString())));
        String duration = "spindle_http_request_duration_seconds";
        out.family(duration, "histogram", "HTTP request duration, from the monitor's middleware to the response's end");
        for (RequestStats.RouteSnapshot r : routes) {
            for (int i = 0; i < r.buckets().length; i++) {
                String le = i < RequestStats.BUCKETS.length ? PrometheusText.bound(RequestStats.BUCKETS[i]) : "+Inf";
                out.sample(duration + "_bucket", r.buckets()[i], "route", r.route(), "le", le);
            }
            out.sample(duration + "_sum", r.sumNanos() / NANOS, "route", r.route());
            out.sample(duration + "_count", r.count(), "route", r.route());
        }
        String shed = "spindle_http_shed_total";
        out.family(shed, "counter", "Requests answered 503 by load shedding, per reason");
        m.requests.shedByReason().forEach((reason, count) -> out.sample(shed, count, "reason", reason));
        out.gauge("spindle_http_shedding", "1 while the last shedding decision was to shed, else 0",
                m.shedder != null && m.shedder.shedding() ? 1 : 0);
    }

    private static void jvm(PrometheusText out, JvmMetrics jvm) {
        MemoryUsage heap = jvm.heap();
        MemoryUsage nonHeap = jvm.nonHeap();
        out.family("jvm_memory_used_bytes", "gauge", "Used bytes of a JVM memory area");
        out.sample("jvm_memory_used_bytes", heap.getUsed(), "area", "heap");
        out.sample("jvm_memory_used_bytes", nonHeap.getUsed(), "area", "nonheap");
        out.family("jvm_memory_committed_bytes", "gauge", "Committed bytes of a JVM memory area");
        out.sample("jvm_memory_committed_bytes", heap.getCommitted(), "area", "heap");
        out.sample("jvm_memory_committed_bytes", nonHeap.getCommitted(), "area", "nonheap");
        out.family("jvm_memory_max_bytes", "gauge", "Max bytes of a JVM memory area (-1 when undefined)");
        out.sample("jvm_memory_max_bytes", heap.getMax(), "area", "heap");
        out.sample("jvm_memory_max_bytes", nonHeap.getMax(), "area", "nonheap");
        String gc = "jvm_gc_collection_seconds";
        out.family(gc, "summary", "Time spent in a given JVM garbage collector");
        for (JvmMetrics.Gc collector : jvm.collectors()) {
            out.sample(gc + "_count", collector.count(), "gc", collector.name());
            out.sample(gc + "_sum", collector.millis() / 1e3, "gc", collector.name());
        }
        out.gauge("jvm_threads_current", "Live JVM threads", jvm.liveThreads());
    }
}
