package dev.spindle.cli.internal.demo;

import dev.spindle.http.App;
import dev.spindle.http.Handler;
import dev.spindle.http.HttpException;
import dev.spindle.http.Request;
import dev.spindle.http.Response;
import dev.spindle.jobs.JobQueue;
import dev.spindle.loop.Loop;
import dev.spindle.workers.Cancellation;
import dev.spindle.workers.TaskOptions;
import dev.spindle.workers.TaskTimeoutException;
import dev.spindle.workers.WorkerPoolFullException;
import dev.spindle.workers.Workers;
import java.time.Duration;
import dev.spindle.monitor.LoopMonitor;

/**
 * The demo server of the seeds: a hello route, the request timeline of a typical API call, and the
 * CPU-bound {@code /compute} that blocks the loop on purpose, the stall the rest of Spindle cures;
 * {@code /compute/worker} is the first cure: the same sum on the worker pool, the loop free meanwhile.
 */
public final class DemoApp {

    /** The seed's loop bound: {@code for (i = 0; i < 1e9; i++) sum += i}. */
    static final long COMPUTE_ITERATIONS = 1_000_000_000L;

    /** The stand-in for the database query in the seed's timeline, in milliseconds. */
    static final long DATABASE_MILLIS = 50;

    /** How long {@code /compute/worker} may take, queue wait included, before it answers 503. */
    static final Duration WORKER_DEADLINE = Duration.ofSeconds(30);

    /** Iterations between two looks at the interrupt flag in {@link #sumBelowInterruptibly}. */
    private static final long INTERRUPT_CHECK_EVERY = 1L << 24;

    /** The token {@code /api/users/:id} accepts: {@code Authorization: Bearer demo}. */
    static final String TOKEN = "Bearer demo";

    private DemoApp() {}

    /** The user record {@code /api/users/:id} answers with. */
    public record User(String id, String name, String email) {}

    /** The demo on {@code loop}, with CPU work on the process-wide {@linkplain Workers#shared shared} worker pool. */
    public static App create(Loop loop) {
        return create(loop, Workers.shared(loop));
    }

    /**
     * The demo on {@code loop}, with CPU work on {@code workers}. A client that hangs up while its
     * {@code /compute/worker} sum is queued or running cancels it, so abandoned requests leave no
     * work behind.
     */
    public static App create(Loop loop, Workers workers) {
        return routes(App.create(), loop, workers);
    }

    /** The demo with {@code monitor} installed, CPU work on the shared worker pool. */
    public static App create(Loop loop, LoopMonitor monitor) {
        return create(loop, Workers.shared(loop), monitor);
    }

    /**
     * The demo with {@code monitor} installed first: its middleware (request metrics, shedding when
     * on) runs before every route, and {@code /metrics}, {@code /status} and the dashboard at
     * {@code /_spindle} are mounted.
     */
    public static App create(Loop loop, Workers workers, LoopMonitor monitor) {
        return routes(monitor.install(App.create()), loop, workers);
    }

    private static App routes(App app, Loop loop, Workers workers) {
        return app
                .get("/", (req, res) -> res.send("Hello, World!"))
                .get("/compute", (req, res) -> res.send("Result: " + sumBelow(COMPUTE_ITERATIONS)))
                .get("/compute/worker", Handler.async((req, res) -> {
                    Cancellation cancellation = Cancellation.create();
                    req.onAbort(cancellation::cancel);
                    TaskOptions options = TaskOptions.builder().timeout(WORKER_DEADLINE).cancellation(cancellation).build();
                    return workers.run(() -> sumBelowInterruptibly(COMPUTE_ITERATIONS), options)
                            .then(sum -> res.send("Result: " + sum))
                            .recover(error -> busy(error, req, res));
                }))
                .get("/api/users/:id", Handler.async((req, res) -> {
                    String id = req.param("id");                                    // parse
                    if (!TOKEN.equals(req.header("Authorization").orElse(""))) {   // auth check
                        res.header("WWW-Authenticate", "Bearer");
                        throw new HttpException(401, "missing or wrong bearer token");
                    }
                    return loop.delay(DATABASE_MILLIS)                               // the database query, not blocking
                            .then(x -> res.json(new User(id, "User " + id, "user" + id + "@example.com"))); // format, send
                }));
    }

    /**
     * The demo with the third cure as well: {@code POST /compute/job} answers 202 with the id of a
     * durable job at once, and {@code GET /jobs/:id} shows it finishing (see {@link DemoJobs}).
     */
    public static App create(Loop loop, Workers workers, JobQueue jobs) {
        return DemoJobs.install(create(loop, workers), jobs);
    }

    /** Everything: the monitor first, the routes, the workers and the job queue. */
    public static App create(Loop loop, Workers workers, LoopMonitor monitor, JobQueue jobs) {
        return DemoJobs.install(create(loop, workers, monitor), jobs);
    }

    /** A full worker pool answers 503 with {@code Retry-After}, at once; anything else goes to the error handlers. */
    private static <T> T busy(Throwable error, Request req, Response res) {
        if (req.isAborted()) {
            return null; // the client is gone; its task was cancelled and nobody waits for an answer
        }
        if (error instanceof WorkerPoolFullException || error instanceof TaskTimeoutException) {
            res.status(503).header("Retry-After", "1").send("The workers are busy; retry shortly.");
            return null;
        }
        throw error instanceof RuntimeException runtime ? runtime : new HttpException(500, error.getMessage(), error);
    }

    /**
     * The same sum for a worker thread: it looks at the interrupt flag every 2^24 iterations, so a
     * cancelled or timed-out task stops within milliseconds instead of running to the end.
     */
    public static long sumBelowInterruptibly(long n) throws InterruptedException {
        long sum = 0;
        for (long start = 0; start < n; start += INTERRUPT_CHECK_EVERY) {
            if (Thread.interrupted()) {
                throw new InterruptedException("the sum was cancelled at " + start);
            }
            long end = Math.min(n, start + INTERRUPT_CHECK_EVERY);
            for (long i = start; i < end; i++) {
                sum += i;
            }
        }
        return sum;
    }

    /** The seed's CPU-bound loop, run inline: it holds the loop thread for its whole duration. */
    public static long sumBelow(long n) {
        long sum = 0;
        for (long i = 0; i < n; i++) {
            sum += i;
        }
        return sum;
    }
}
