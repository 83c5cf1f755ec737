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
import java.util.concurrent.CompletableFuture;

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

    private final Loop loop;
    private final Thread thread;
    private final HttpServer server;
    private final LoopMonitor monitor;

    private SpindleBenchServer(Loop loop, Thread thread, HttpServer server, LoopMonitor monitor) {
        this.loop = loop;
        this.thread = thread;
        this.server = server;
        this.monitor = monitor;
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
    public static SpindleBenchServer start(int port, MonitorOptions options) {
        boolean monitored = options != null;
        CompletableFuture<SpindleBenchServer> started = new CompletableFuture<>();
        Thread thread = Thread.ofPlatform().name(monitored ? "spindle-bench-monitored" : "spindle-bench").unstarted(() -> {
            try (Loop loop = Loop.create()) {
                try {
                    LoopMonitor monitor = monitored ? LoopMonitor.start(loop, options) : null;
                    App app = routes(monitored ? monitor.install(App.create()) : App.create(), loop);
                    HttpServer server = app.listen(loop, HttpServerOptions.builder()
                            .host(BenchRoutes.HOST).port(port).backlog(BenchRoutes.BACKLOG)
                            .keepAliveTimeout(KEEP_ALIVE_TIMEOUT).build());
                    started.complete(new SpindleBenchServer(loop, Thread.currentThread(), server, monitor));
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
            if (monitor != null) {
                monitor.close();
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
