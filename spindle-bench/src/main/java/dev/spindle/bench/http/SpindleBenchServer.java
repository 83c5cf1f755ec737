package dev.spindle.bench.http;

import dev.spindle.http.App;
import dev.spindle.http.Handler;
import dev.spindle.http.HttpServer;
import dev.spindle.http.HttpServerOptions;
import dev.spindle.loop.Loop;
import dev.spindle.monitor.LoopMonitor;
import dev.spindle.monitor.MonitorOptions;
import dev.spindle.monitor.SheddingOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Spindle's bench server: one loop on one thread, the three bench routes, and optionally the full
 * loop monitor ({@code LoopMonitor.start(loop)} + {@code monitor.install(app)}) so that its cost
 * can be measured. {@code --monitor-all} also turns load shedding on with every check armed
 * (lag, utilization, heap) at thresholds the bench never reaches, so that the shedding middleware
 * does all its work on every request without turning one away.
 * {@code java -cp benchmarks.jar dev.spindle.bench.http.SpindleBenchServer PORT [--monitor|--monitor-all]}.
 */
public final class SpindleBenchServer implements BenchServer {

    /**
     * Node's 5 s keep-alive timeout would close the memory run's idle connections before they are
     * counted; Netty and Vert.x have no idle timeout by default, so the bench sets a long one.
     * Connections busy under wrk are never idle, so the throughput runs do not see it.
     */
    static final Duration KEEP_ALIVE_TIMEOUT = Duration.ofMinutes(10);

    /** What a Spindle bench server sets up on its loop thread, before it listens. */
    @FunctionalInterface
    public interface Setup {
        /** The app to serve on {@code loop}; {@code closeWithServer} takes what must close before the server (a monitor, a pool). */
        App app(Loop loop, Consumer<AutoCloseable> closeWithServer) throws Exception;
    }

    private final Loop loop;
    private final Thread thread;
    private final HttpServer server;
    private final List<AutoCloseable> resources;

    private SpindleBenchServer(Loop loop, Thread thread, HttpServer server, List<AutoCloseable> resources) {
        this.loop = loop;
        this.thread = thread;
        this.server = server;
        this.resources = resources;
    }

    public static void main(String[] args) {
        String flag = args.length > 1 ? args[1] : "";
        MonitorOptions options = switch (flag) {
            case "" -> null;
            case "--monitor" -> MonitorOptions.DEFAULTS;
            case "--monitor-all" -> everythingOn();
            default -> throw new IllegalArgumentException("unknown flag " + flag + " (--monitor or --monitor-all)");
        };
        BenchServer.serve(options != null ? "spindle+monitor" : "spindle", args, port -> start(port, options), System.out);
    }

    /**
     * The monitor with every part on: the defaults (lag probe, utilization, phases, labels, the
     * watchdog) and shedding with its lag, utilization and heap checks armed at thresholds a
     * bench never reaches (1 s of lag p99, utilization above 1, the largest heap).
     */
    public static MonitorOptions everythingOn() {
        return MonitorOptions.builder().shedding(SheddingOptions.builder()
                .maxEventLoopLag(Duration.ofSeconds(1)).maxUtilization(1.0).maxHeapUsedBytes(Long.MAX_VALUE)
                .build()).build();
    }

    /** The routes of the bench on {@code app}. */
    static App routes(App app, Loop loop) {
        return app
                .get(BenchRoutes.PLAINTEXT, (req, res) -> res.send(BenchRoutes.HELLO))
                .get(BenchRoutes.JSON, (req, res) -> res.json(BenchRoutes.Message.HELLO))
                .get(BenchRoutes.WAIT, Handler.async((req, res) ->
                        loop.delay(BenchRoutes.WAIT_MILLIS).then(x -> res.send(BenchRoutes.HELLO))));
    }

    /** Starts a loop on a new thread serving the bench routes on {@code port}, with the monitor when {@code monitored}. */
    public static SpindleBenchServer start(int port, boolean monitored) {
        return start(port, monitored ? MonitorOptions.DEFAULTS : null);
    }

    /** Starts a loop on a new thread serving the bench routes on {@code port}, monitored with {@code options} unless null. */
    public static SpindleBenchServer start(int port, MonitorOptions monitorOptions) {
        boolean monitored = monitorOptions != null;
        return start(monitored ? "spindle-bench-monitored" : "spindle-bench", options(port, BenchRoutes.BACKLOG),
                (loop, closeWithServer) -> {
                    if (!monitored) {
                        return routes(App.create(), loop);
                    }
                    LoopMonitor monitor = LoopMonitor.start(loop, monitorOptions);
                    closeWithServer.accept(monitor);
                    return routes(monitor.install(App.create()), loop);
                });
    }

    /** The bench's server options: loopback, {@code port}, {@code backlog}, the long keep-alive timeout. */
    public static HttpServerOptions options(int port, int backlog) {
        return HttpServerOptions.builder().host(BenchRoutes.HOST).port(port).backlog(backlog)
                .keepAliveTimeout(KEEP_ALIVE_TIMEOUT).build();
    }

    /**
     * Starts a loop on a new thread named {@code threadName}, runs {@code setup} on it and serves
     * its app with {@code options}; returns once the server listens.
     */
    public static SpindleBenchServer start(String threadName, HttpServerOptions options, Setup setup) {
        CompletableFuture<SpindleBenchServer> started = new CompletableFuture<>();
        Thread thread = Thread.ofPlatform().name(threadName).unstarted(() -> {
            try (Loop loop = Loop.create()) {
                try {
                    List<AutoCloseable> resources = new ArrayList<>();
                    App app = setup.app(loop, resources::add);
                    HttpServer server = app.listen(loop, options);
                    started.complete(new SpindleBenchServer(loop, Thread.currentThread(), server, resources));
                } catch (Throwable e) {
                    started.completeExceptionally(e);
                    return;
                }
                loop.run();
            }
        });
        thread.start();
        return started.join();
    }

    @Override
    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        loop.execute(() -> {
            for (AutoCloseable resource : resources) {
                try {
                    resource.close();
                } catch (Exception e) {
                    throw new IllegalStateException("closing " + resource, e);
                }
            }
            server.close(Duration.ofSeconds(1));
        });
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
