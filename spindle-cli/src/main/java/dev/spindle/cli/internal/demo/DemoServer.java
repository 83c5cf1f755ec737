package dev.spindle.cli.internal.demo;

import dev.spindle.http.HttpServer;
import dev.spindle.http.HttpServerOptions;
import dev.spindle.jobs.JobQueue;
import dev.spindle.jobs.JobQueueOptions;
import dev.spindle.jobs.SqliteStore;
import dev.spindle.loop.Loop;
import dev.spindle.workers.Workers;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@link DemoApp} on the calling thread's loop until SIGINT or SIGTERM, then shuts down
 * gracefully: stop accepting, finish in-flight requests, exit.
 */
public final class DemoServer {

    private DemoServer() {}

    public static void run(int port, PrintWriter out) {
        run(port, Path.of(SqliteStore.DEFAULT_FILE), out);
    }

    /** Runs the demo on {@code port}, its job queue on the SQLite file {@code jobsFile}. */
    public static void run(int port, Path jobsFile, PrintWriter out) {
        try (Loop loop = Loop.create()) {
            Workers workers = Workers.shared(loop);
            JobQueue jobs = JobQueue.open(loop, jobsFile, JobQueueOptions.builder().workers(workers).build());
            HttpServer server = DemoApp.create(loop, workers, jobs).listen(loop, HttpServerOptions.builder().port(port).build());
            CountDownLatch stopped = new CountDownLatch(1);
            Thread hook = Thread.ofPlatform().unstarted(() -> {
                loop.execute(() -> server.close().andFinally(jobs::close));
                awaitQuietly(stopped);
            });
            Runtime.getRuntime().addShutdownHook(hook);
            out.println("Spindle demo on http://127.0.0.1:" + server.port()
                    + "/  (GET /, /compute, /compute/worker, POST /compute/job then GET /jobs/:id, /api/users/:id with 'Authorization: Bearer demo'; Ctrl-C stops)");
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
