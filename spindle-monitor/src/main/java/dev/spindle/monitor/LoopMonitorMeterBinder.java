package dev.spindle.monitor;

import dev.spindle.loop.Phase;
import dev.spindle.loop.PoolStats;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;

/**
 * Publishes a {@link LoopMonitor}'s loop metrics to Micrometer, for apps that already report
 * through it: {@code new LoopMonitorMeterBinder(monitor).bindTo(registry)}. Names follow
 * Micrometer's conventions (dots, base units); a Prometheus registry renders
 * {@code spindle.eventloop.lag} with {@code quantile} tags as {@code spindle_eventloop_lag_seconds}.
 * HTTP request metrics are left to the app's own Micrometer instrumentation.
 *
 * <p>Needs {@code io.micrometer:micrometer-core} on the class or module path; the monitor module
 * itself only declares it optional. Gauges are read on the registry's thread; lag readings are
 * cached for one second, as merging the window's histograms is not free.
 */
@SuppressWarnings("exports") // Micrometer's types: an app that binds already reads micrometer.core
public final class LoopMonitorMeterBinder implements MeterBinder {

    private static final long CACHE_NANOS = 1_000_000_000L;

    private final LoopMonitor monitor;
    private final Set<String> boundLabels = ConcurrentHashMap.newKeySet();
    private volatile LagSnapshot cachedLag;
    private volatile long cachedAt;

    public LoopMonitorMeterBinder(LoopMonitor monitor) {
        this.monitor = monitor;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String quantile : List.of("0.5", "0.9", "0.99", "0.999")) {
            lagGauge(registry, "spindle.eventloop.lag", Tags.of("quantile", quantile), s -> switch (quantile) {
                case "0.5" -> s.p50();
                case "0.9" -> s.p90();
                case "0.99" -> s.p99();
                default -> s.p999();
            });
        }
        lagGauge(registry, "spindle.eventloop.lag.max", Tags.empty(), LagSnapshot::max);
        lagGauge(registry, "spindle.eventloop.lag.min", Tags.empty(), LagSnapshot::min);
        lagGauge(registry, "spindle.eventloop.lag.mean", Tags.empty(), LagSnapshot::mean);
        lagGauge(registry, "spindle.eventloop.lag.stddev", Tags.empty(), LagSnapshot::stddev);
        Gauge.builder("spindle.eventloop.utilization", monitor, m -> m.utilization().utilization())
                .description("Share of time the loop was not waiting in poll, since the monitor started")
                .register(registry);
        for (Phase phase : Phase.values()) {
            FunctionCounter.builder("spindle.eventloop.phase", monitor, m -> m.phaseTimes().get(phase).toNanos() / 1e9)
                    .tags("phase", phase.name().toLowerCase(Locale.ROOT)).baseUnit("seconds")
                    .description("Time spent in each loop phase").register(registry);
        }
        FunctionCounter.builder("spindle.eventloop.turns", monitor, LoopMonitor::turns)
                .description("Loop turns").register(registry);
        FunctionCounter.builder("spindle.http.shed", monitor, LoopMonitor::shedRequests)
                .description("Requests answered 503 by load shedding").register(registry);
        for (PoolStats pool : monitor.pools()) {
            String name = pool.name();
            Gauge.builder("spindle.pool.queue.depth", monitor, m -> pool(m, name).queueDepth())
                    .tags("pool", name).description("Tasks waiting for a pool thread").register(registry);
            Gauge.builder("spindle.pool.active", monitor, m -> pool(m, name).active())
                    .tags("pool", name).description("Pool threads running a task").register(registry);
        }
        monitor.blocked().forEach(b -> bindBlocked(registry, b.label()));
        monitor.onBlocked(block -> bindBlocked(registry, block.label()));
    }

    private void lagGauge(MeterRegistry registry, String name, Tags tags, ToDoubleFunction<LagSnapshot> value) {
        Gauge.builder(name, this, binder -> value.applyAsDouble(binder.lag()) / 1e9)
                .tags(tags).baseUnit("seconds")
                .description("How late the loop ran its probe timer, over the monitor's window")
                .register(registry);
    }

    private void bindBlocked(MeterRegistry registry, String label) {
        if (boundLabels.add(label)) {
            FunctionCounter.builder("spindle.blocked.callbacks", monitor, m -> m.blocked().stream()
                            .filter(b -> b.label().equals(label)).mapToLong(BlockedCallback::count).sum())
                    .tags("label", label).description("Callbacks that held the loop past the watchdog threshold")
                    .register(registry);
        }
    }

    private LagSnapshot lag() {
        long now = System.nanoTime();
        if (cachedLag == null || now - cachedAt > CACHE_NANOS) {
            cachedLag = monitor.lag().window();
            cachedAt = now;
        }
        return cachedLag;
    }

    private static PoolStats pool(LoopMonitor monitor, String name) {
        return monitor.pools().stream().filter(p -> p.name().equals(name)).findFirst()
                .orElse(new PoolStats(name, 0, 0, 0, 0, 0, 0, 0, 0));
    }
}
