package dev.spindle.monitor.internal;

import dev.spindle.http.App;
import dev.spindle.http.Middleware;
import dev.spindle.http.Router;
import dev.spindle.loop.Clock;
import dev.spindle.loop.Loop;
import dev.spindle.loop.Phase;
import dev.spindle.loop.PoolStats;
import dev.spindle.loop.Timer;
import dev.spindle.loop.spi.LoopSpi;
import dev.spindle.monitor.BlockedCallback;
import dev.spindle.monitor.LabelTime;
import dev.spindle.monitor.LagHistogram;
import dev.spindle.monitor.LoopBlock;
import dev.spindle.monitor.LoopMonitor;
import dev.spindle.monitor.MonitorOptions;
import dev.spindle.monitor.SheddingOptions;
import dev.spindle.monitor.Utilization;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The monitor: wires the observer, the lag probe, the watchdog, the shedding check, the request
 * counters and the dashboard's one-second tick to one loop.
 */
public final class MonitorImpl implements LoopMonitor {

    /** The paths {@link #routes()} serves when mounted at {@code /}; never shed. */
    static final List<String> OWN_PATHS = List.of("/metrics", "/status", "/_spindle");

    private static final System.Logger LOG = System.getLogger("dev.spindle.monitor");

    final Loop loop;
    final MonitorOptions options;
    final Clock clock;
    final long startNanos;
    final UtilizationMeter utilization;
    final PhaseTimes phases = new PhaseTimes();
    final LabelTimes labels = new LabelTimes();
    final BlockedStats blocked = new BlockedStats();
    final LagStore lag;
    final RequestStats requests = new RequestStats();
    final JvmMetrics jvm = new JvmMetrics();
    final PoolWaits poolWaits = new PoolWaits();
    final Dashboard dashboard;
    final Shedder shedder;
    private final LoopSpi spi;
    private final BlockState blockState = new BlockState();
    private final Watchdog watchdog;
    private final LagProbe probe;
    private final MonitorObserver observer;
    private final MonitorMiddleware middleware;
    private final CopyOnWriteArrayList<Supplier<PoolStats>> pools = new CopyOnWriteArrayList<>();
    private final CopyOnWriteArrayList<Consumer<LoopBlock>> listeners = new CopyOnWriteArrayList<>();
    private Timer ticker;
    private Utilization lastUtilization;
    private long lastFinished;
    private long lastTickNanos;
    private boolean closed;

    private MonitorImpl(Loop loop, MonitorOptions options) {
        this.loop = loop;
        this.spi = LoopSpi.of(loop);
        this.options = options;
        this.clock = options.clock();
        this.startNanos = clock.nanoTime();
        this.utilization = new UtilizationMeter(clock);
        this.lag = new LagStore(clock, options.lagResolution(), options.window());
        this.dashboard = new Dashboard((int) options.history().toSeconds());
        SheddingOptions shedding = options.shedding();
        PressureWindow pressure = null;
        Shedder shed = null;
        if (shedding.enabled()) {
            pressure = new PressureWindow(shedding.window().toNanos(), options.lagResolution().toNanos(),
                    shedding.maxEventLoopLag().toNanos(), startNanos);
            List<String> exempt = new ArrayList<>(OWN_PATHS);
            exempt.addAll(shedding.alwaysAllow());
            shed = new Shedder(shedding, pressure, jvm, List.copyOf(exempt));
        }
        this.shedder = shed;
        this.watchdog = options.watchdog()
                ? new Watchdog(blockState, clock, options.blockedThreshold().toNanos(), options.stackDepth(), blocked,
                        this::tell)
                : null;
        long threshold = watchdog == null ? Long.MAX_VALUE : options.blockedThreshold().toNanos();
        MonitorObserver.BlockEnds ends = watchdog == null ? (sequence, culprit, nanos) -> { } : watchdog;
        RequestLog log = new RequestLog(requests);
        this.observer = new MonitorObserver(clock, utilization, phases, labels, blockState, ends, threshold, pressure,
                watchdog != null, log);
        this.probe = new LagProbe(clock, options.lagResolution().toNanos(), lag, pressure);
        this.middleware = new MonitorMiddleware(clock, requests, log, observer, shedder);
        this.pools.add(loop::blockingPoolStats);
    }

    /** See {@link LoopMonitor#start(Loop, MonitorOptions)}. */
    public static LoopMonitor start(Loop loop, MonitorOptions options) {
        if (!loop.inLoop()) {
            throw new IllegalStateException("start the monitor on the loop thread (or before the loop runs)");
        }
        MonitorImpl monitor = new MonitorImpl(loop, options);
        monitor.begin();
        return monitor;
    }

    private void begin() {
        warmUp(); // before the probe starts: the monitor's own first render is not the loop's lag
        blockState.loopThread(Thread.currentThread());
        lastUtilization = utilization.read();
        lastTickNanos = startNanos;
        jvm.sample();
        probe.start(loop);
        ticker = loop.setInterval(this::tick, 1000);
        ticker.unref();
        spi.addObserver(observer);
        spi.addPoolObserver(poolWaits);
        if (watchdog != null) {
            watchdog.start();
        }
    }

    /** Every second, on the loop: the dashboard's point, the heap sample, the push to open streams. */
    private void tick() {
        jvm.sample();
        long now = clock.nanoTime();
        var second = lag.takeSecond();
        Utilization reading = utilization.read();
        Utilization delta = reading.since(lastUtilization);
        long finished = requests.finished();
        double seconds = Math.max(1e-3, (now - lastTickNanos) / 1e9);
        PoolStats pool = loop.blockingPoolStats();
        Dashboard.Point point = new Dashboard.Point(System.currentTimeMillis(), now,
                Millis.of(second.p50()), Millis.of(second.p99()), Millis.of(second.max()), delta.utilization(),
                (finished - lastFinished) / seconds, requests.shedTotal(), pool.queueDepth(), pool.active(),
                jvm.sampledHeapUsed(), reading.idleNanos(), reading.activeNanos());
        lastUtilization = reading;
        lastFinished = finished;
        lastTickNanos = now;
        dashboard.add(point);
        if (dashboard.hasStreams()) {
            dashboard.broadcast("tick", Reports.json(Reports.dashboardTick(this, point)));
        }
    }

    private void tell(LoopBlock block) {
        for (Consumer<LoopBlock> listener : listeners) {
            try {
                listener.accept(block);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "a blocked-loop listener threw", e);
            }
        }
    }

    /** Utilization over the last {@link MonitorOptions#window()}, from the dashboard's per-second readings. */
    Utilization windowUtilization() {
        Utilization now = utilization.read();
        Dashboard.Point base = dashboard.at(clock.nanoTime() - options.window().toNanos());
        return base == null ? now : now.since(Utilization.of(base.idleNanos(), base.activeNanos()));
    }

    // ---------------------------------------------------------------- readings

    @Override
    public Loop loop() {
        return loop;
    }

    @Override
    public MonitorOptions options() {
        return options;
    }

    @Override
    public LagHistogram lag() {
        return lag;
    }

    @Override
    public Utilization utilization() {
        return utilization.read();
    }

    @Override
    public Map<Phase, Duration> phaseTimes() {
        return phases.times();
    }

    @Override
    public long turns() {
        return phases.turns();
    }

    @Override
    public long callbacks() {
        return phases.callbacks();
    }

    @Override
    public List<LabelTime> topLabels(int limit) {
        return labels.top(limit);
    }

    @Override
    public List<BlockedCallback> blocked() {
        return blocked.list();
    }

    @Override
    public List<PoolStats> pools() {
        List<PoolStats> stats = new ArrayList<>();
        for (Supplier<PoolStats> pool : pools) {
            stats.add(pool.get());
        }
        return stats;
    }

    @Override
    public void addPool(Supplier<PoolStats> pool) {
        pools.add(java.util.Objects.requireNonNull(pool, "pool"));
    }

    @Override
    public void onBlocked(Consumer<LoopBlock> listener) {
        listeners.add(java.util.Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public long shedRequests() {
        return requests.shedTotal();
    }

    // ---------------------------------------------------------------- exports and HTTP

    @Override
    public String prometheusText() {
        return PrometheusReport.write(this);
    }

    @Override
    public String statusJson() {
        return Reports.json(Reports.status(this));
    }

    @Override
    public Middleware middleware() {
        return middleware;
    }

    @Override
    public Router routes() {
        return MonitorRoutes.create(this);
    }

    @Override
    public App install(App app) {
        return app.use(middleware).use("/", routes());
    }

    /**
     * Renders every document once, before the app serves anything: in a cold JVM the first render
     * loads Jackson, the management beans and a few hundred classes, which would otherwise hold
     * the loop past the watchdog's threshold on the first scrape.
     */
    private void warmUp() {
        prometheusText();
        statusJson();
        Reports.json(Reports.dashboardSnapshot(this));
    }

    @Override
    public void close() {
        if (!loop.inLoop()) {
            throw new IllegalStateException("close the monitor on the loop thread");
        }
        if (closed) {
            return;
        }
        closed = true;
        spi.removeObserver(observer);
        observer.close();
        spi.removePoolObserver(poolWaits);
        probe.close();
        ticker.close();
        dashboard.close();
        if (watchdog != null) {
            watchdog.close();
        }
    }
}
