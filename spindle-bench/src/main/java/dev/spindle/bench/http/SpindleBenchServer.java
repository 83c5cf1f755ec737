package dev.spindle.bench.http;

import dev.spindle.http.App;
import dev.spindle.http.Handler;
import dev.spindle.http.HttpServer;
import dev.spindle.http.HttpServerOptions;
import dev.spindle.loop.Loop;
import dev.spindle.monitor.LoopMonitor;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Spindle's bench server: one loop on one thread, the three bench routes, and optionally the full
 * loop monitor ({@code LoopMonitor.start(loop)} + {@code monitor.install(app)}) so that its cost
 * can be measured. {@code java -cp benchmarks.jar dev.spindle.bench.http.SpindleBenchServer PORT [--monitor]}.
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
        boolean monitored = args.length > 1 && args[1].equals("--monitor");
        BenchServer.serve(monitored ? "spindle+monitor" : "spindle", args, port -> start(port, monitored), System.out);
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
        CompletableFuture<SpindleBenchServer> started = new CompletableFuture<>();
        Thread thread = Thread.ofPlatform().name(monitored ? "spindle-bench-monitored" : "spindle-bench").unstarted(() -> {
            try (Loop loop = Loop.create()) {
                try {
                    LoopMonitor monitor = monitored ? LoopMonitor.start(loop) : null;
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
