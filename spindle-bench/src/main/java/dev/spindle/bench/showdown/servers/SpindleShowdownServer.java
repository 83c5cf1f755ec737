package dev.spindle.bench.showdown.servers;

import dev.spindle.bench.http.BenchServer;
import dev.spindle.bench.http.SpindleBenchServer;
import dev.spindle.http.App;
import dev.spindle.http.Handler;
import dev.spindle.http.HttpException;
import dev.spindle.http.Request;
import dev.spindle.http.Response;
import dev.spindle.loop.Loop;
import dev.spindle.loop.Promise;
import dev.spindle.monitor.LagHistogram;
import dev.spindle.monitor.LagSnapshot;
import dev.spindle.monitor.LoopMonitor;
import dev.spindle.workers.WorkerPoolOptions;
import dev.spindle.workers.Workers;

/**
 * The showdown's {@code spindle} model: one loop on one thread with its {@link LoopMonitor}
 * installed (so {@code /lag} reads the monitor's lag histogram, then resets it), the timeline's
 * waits as {@link Loop#delay} promises, and {@code /compute/worker} on a {@link Workers} pool of
 * {@link ShowdownRoutes#offloadThreads()} threads.
 * {@code java -cp benchmarks.jar dev.spindle.bench.showdown.servers.SpindleShowdownServer PORT [--backlog N]}.
 *
 * <p>The pool's queue holds {@value #WORKER_QUEUE} tasks instead of the default
 * {@code maxThreads * maxThreads}, which would turn most of a many-connection CPU scenario away
 * with errors while the other models queue it; the other models' queues are unbounded.
 */
public final class SpindleShowdownServer {

    /** Offloaded sums that may wait for a worker thread: more than any scenario has connections. */
    static final int WORKER_QUEUE = 100_000;

    private SpindleShowdownServer() {}

    public static void main(String[] args) {
        ShowdownArgs parsed = ShowdownArgs.parse(args);
        BenchServer.serve("spindle", parsed.port(), port -> start(port, parsed.backlog()), System.out);
    }

    /** Starts the model on {@code port} with {@code backlog}. */
    public static BenchServer start(int port, int backlog) {
        return SpindleBenchServer.start("spindle-showdown", SpindleBenchServer.options(port, backlog),
                (loop, closeWithServer) -> {
                    LoopMonitor monitor = LoopMonitor.start(loop);
                    closeWithServer.accept(monitor);
                    Workers workers = Workers.create(loop, WorkerPoolOptions.builder().name("showdown")
                            .minThreads(1).maxThreads(ShowdownRoutes.offloadThreads()).maxQueue(WORKER_QUEUE).build());
                    closeWithServer.accept(workers);
                    return routes(monitor.install(App.create()), loop, monitor.lag(), workers);
                });
    }

    private static App routes(App app, Loop loop, LagHistogram lag, Workers workers) {
        return app
                .get(ShowdownRoutes.ROOT, (req, res) -> text(res, ShowdownRoutes.HELLO))
                .get(ShowdownRoutes.TIMELINE, Handler.async((req, res) -> timeline(loop)
                        .then(x -> res.type(ShowdownRoutes.APPLICATION_JSON).send(ShowdownRoutes.TIMELINE_BODY))))
                .get(ShowdownRoutes.COMPUTE, (req, res) -> text(res, ShowdownRoutes.compute(number(req, "n", ShowdownRoutes.DEFAULT_N))))
                .get(ShowdownRoutes.COMPUTE_WORKER, Handler.async((req, res) -> {
                    long n = number(req, "n", ShowdownRoutes.DEFAULT_N);
                    return workers.run(() -> ShowdownRoutes.compute(n)).then(body -> text(res, body));
                }))
                .get(ShowdownRoutes.BLOCK, (req, res) -> text(res, ShowdownRoutes.block(number(req, "ms", 0))))
                .get(ShowdownRoutes.LAG, (req, res) -> {
                    LagSnapshot snapshot = lag.snapshot();
                    lag.reset();
                    res.type(ShowdownRoutes.APPLICATION_JSON).send(ShowdownRoutes.lagJson(
                            snapshot.p50(), snapshot.p99(), snapshot.max(), snapshot.mean(), snapshot.count()));
                });
    }

    /** The timeline's four waits, one timer after the other. */
    private static Promise<Void> timeline(Loop loop) {
        Promise<Void> waited = loop.delay(ShowdownRoutes.STAGE_MILLIS[0]);
        for (int stage = 1; stage < ShowdownRoutes.STAGE_MILLIS.length; stage++) {
            long millis = ShowdownRoutes.STAGE_MILLIS[stage];
            waited = waited.flatMap(x -> loop.delay(millis));
        }
        return waited;
    }

    private static void text(Response res, String body) {
        res.type(ShowdownRoutes.TEXT_PLAIN).send(body);
    }

    private static long number(Request req, String name, long fallback) {
        try {
            return ShowdownRoutes.number(req.query(name).orElse(null), fallback);
        } catch (IllegalArgumentException e) {
            throw new HttpException(400, e.getMessage());
        }
    }
}
