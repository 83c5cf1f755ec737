package dev.spindle.monitor;

import dev.spindle.http.App;
import dev.spindle.http.Middleware;
import dev.spindle.http.Router;
import dev.spindle.loop.Loop;
import dev.spindle.loop.Phase;
import dev.spindle.loop.PoolStats;
import dev.spindle.monitor.internal.MonitorImpl;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Watches one loop: lag, utilization, time per phase and per label, callbacks per turn, the
 * blocking pool, and a watchdog thread that names the callback holding the loop. Plugged into an
 * HTTP app it also sheds load, counts requests and serves {@code /metrics}, {@code /status} and the
 * dashboard at {@code /_spindle}.
 *
 * <pre>{@code
 * LoopMonitor monitor = LoopMonitor.start(loop);          // on the loop thread
 * App app = monitor.install(App.create())                 // first, so shedding runs first
 *     .get("/", (req, res) -> res.send("Hello"));
 * app.listen(loop, 3000);
 * }</pre>
 *
 * <p>{@link #start}, {@link #install} and {@link #close} belong to the loop thread; every reading
 * may be taken from any thread.
 */
public interface LoopMonitor extends AutoCloseable {

    /** Starts watching {@code loop} with the {@linkplain MonitorOptions#DEFAULTS defaults}. Loop thread. */
    static LoopMonitor start(Loop loop) {
        return start(loop, MonitorOptions.DEFAULTS);
    }

    /** Starts watching {@code loop}: adds the observer, the probe timer and the watchdog thread. Loop thread. */
    static LoopMonitor start(Loop loop, MonitorOptions options) {
        return MonitorImpl.start(loop, options);
    }

    /** The monitored loop. */
    Loop loop();

    MonitorOptions options();

    // ---------------------------------------------------------------- readings

    /** The lag histogram (Node's {@code monitorEventLoopDelay}). */
    LagHistogram lag();

    /** Utilization since the monitor started; {@code utilization().since(earlier)} for a delta. */
    Utilization utilization();

    /** Loop time spent in each phase since the monitor started; the poll phase includes its idle wait. */
    Map<Phase, Duration> phaseTimes();

    /** Loop turns since the monitor started. */
    long turns();

    /** Top-level callbacks dispatched since the monitor started (nested dispatches count once). */
    long callbacks();

    /** The {@code limit} labels that used the most loop time, most first. */
    List<LabelTime> topLabels(int limit);

    /** What the watchdog has seen, per label, the most blocks first. */
    List<BlockedCallback> blocked();

    /** The blocking pool and any pool added with {@link #addPool}. */
    List<PoolStats> pools();

    /** Adds a pool to report (e.g. a worker pool), read when metrics are. Any thread. */
    void addPool(Supplier<PoolStats> pool);

    /** Calls {@code listener} on the watchdog thread for every block warning and every block's end. */
    void onBlocked(Consumer<LoopBlock> listener);

    /** Requests shed since the monitor started. */
    long shedRequests();

    // ---------------------------------------------------------------- exports

    /** Every metric in the Prometheus text exposition format 0.0.4, as {@code GET /metrics} serves it. */
    String prometheusText();

    /** The {@code GET /status} document as JSON. */
    String statusJson();

    // ---------------------------------------------------------------- HTTP

    /**
     * The middleware to run first: sheds load when {@link MonitorOptions#shedding()} says so, and
     * counts every request by route and status, with its duration.
     */
    Middleware middleware();

    /** {@code GET /metrics}, {@code /status}, {@code /_spindle} and its event stream, to mount at {@code /}. */
    Router routes();

    /**
     * Adds {@link #middleware()} and mounts {@link #routes()} at {@code /}; call it before adding
     * anything else, so shedding comes first. Returns {@code app}.
     */
    App install(App app);

    /** Stops the probe, the watchdog and the dashboard's streams, and leaves the loop. Loop thread. */
    @Override
    void close();
}
