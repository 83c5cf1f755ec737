package dev.spindle.cli.internal.demo;

import dev.spindle.http.HttpServer;
import dev.spindle.http.HttpServerOptions;
import dev.spindle.jobs.JobQueue;
import dev.spindle.jobs.JobQueueOptions;
import dev.spindle.jobs.SqliteStore;
import dev.spindle.loop.Loop;
import dev.spindle.monitor.LoopMonitor;
import dev.spindle.monitor.MonitorOptions;
import dev.spindle.workers.WorkerPoolOptions;
import dev.spindle.workers.Workers;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@link DemoApp} with the loop monitor on the calling thread's loop until SIGINT or SIGTERM,
 * then shuts down gracefully: close the monitor's streams, stop accepting, finish in-flight
 * requests, exit.
 */
public final class DemoServer {

    private DemoServer() {}

    /** The monitor settings of the demo: the defaults, with load shedding when {@code shed}. */
    public static MonitorOptions monitorOptions(boolean shed) {
        MonitorOptions.Builder options = MonitorOptions.builder();
        return (shed ? options.shedLoad() : options).build();
    }

    public static void run(int port, PrintWriter out) {
        run(port, false, Path.of(SqliteStore.DEFAULT_FILE), out);
    }

    /**
     * Runs the demo on {@code port} with the loop monitor (shedding when {@code shed}) and its job
     * queue on the SQLite file {@code jobsFile}, until SIGINT or SIGTERM.
     */
    public static void run(int port, boolean shed, Path jobsFile, PrintWriter out) {
        try (Loop loop = Loop.create()) {
            LoopMonitor monitor = LoopMonitor.start(loop, monitorOptions(shed));
            // One core stays the loop's: CPU work on every core would starve the thread that answers GET /.
            int threads = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
            Workers workers = Workers.create(loop, WorkerPoolOptions.builder().name("demo")
                    .minThreads(threads).maxThreads(threads).maxQueue(256).build()); // callers wait, not spin on 503s
            monitor.addPool(() -> workers.stats().toPoolStats()); // the workers' queue beside the blocking pool's
            JobQueue jobs = JobQueue.open(loop, jobsFile, JobQueueOptions.builder().workers(workers).build());
            HttpServer server = DemoApp.create(loop, workers, monitor, jobs)
                    .listen(loop, HttpServerOptions.builder().port(port).build());
            CountDownLatch stopped = new CountDownLatch(1);
            Thread hook = Thread.ofPlatform().unstarted(() -> {
                loop.execute(() -> {
                    monitor.close(); // ends the dashboard's streams, so the server need not wait for them
                    server.close().andFinally(() -> jobs.close().andFinally(workers::close));
                });
                awaitQuietly(stopped);
            });
            Runtime.getRuntime().addShutdownHook(hook);
            String base = "http://127.0.0.1:" + server.port();
            out.println("Spindle demo on " + base + "/  (GET /, /compute, /compute/worker, POST /compute/job then"
                    + " GET /jobs/:id, /api/users/:id with 'Authorization: Bearer demo'; Ctrl-C stops)");
            out.println("  loop monitor: " + base + "/_spindle  (metrics: /metrics, /status"
                    + (shed ? "; load shedding on)" : ")"));
            out.flush();
            try {
                loop.run();
                out.println("Spindle demo stopped.");
                out.flush();
            } finally {
                stopped.countDown(); // only now may the shutdown hook return and the JVM halt
            }
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
