package dev.spindle.cli.internal.demo;

import dev.spindle.http.App;
import dev.spindle.http.Handler;
import dev.spindle.jobs.JobContext;
import dev.spindle.jobs.JobQueue;
import dev.spindle.jobs.JobQueueFullException;
import dev.spindle.jobs.JobRoutes;
import java.util.Map;
import java.util.Set;

/**
 * The demo's third cure for {@code /compute}: a durable job. {@code POST /compute/job} stores a
 * "compute" job and answers {@code 202 Accepted} with {@code {"id": "..."}} at once; a worker
 * thread runs the seed's sum, reporting progress; {@code GET /jobs/:id} shows the job's state,
 * progress and, once completed, its result: the text {@code "Result: 499999999500000000"}, the same
 * answer as {@code GET /compute} (stored as text, because the sum is past JavaScript's exact integers).
 */
public final class DemoJobs {

    /** The job name of the sum. */
    public static final String COMPUTE = "compute";

    /** Sums run at once, at most: half the cores, so the other half keeps serving. */
    static final int CONCURRENCY = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);

    /** Iterations between two progress reports and looks at the interrupt flag. */
    private static final long CHUNK = 1L << 24;

    private DemoJobs() {}

    /** Adds the job routes to {@code app} and starts the processor of {@value #COMPUTE} jobs on {@code jobs}' worker pool. */
    static App install(App app, JobQueue jobs) {
        jobs.processOnWorkers(COMPUTE, CONCURRENCY, job -> "Result: " + sumBelow(DemoApp.COMPUTE_ITERATIONS, job));
        return app
                .post("/compute/job", Handler.async((req, res) -> jobs.add(COMPUTE, Map.of("n", DemoApp.COMPUTE_ITERATIONS))
                        .then(id -> res.status(202).header("Location", "/jobs/" + id).json(Map.of("id", id.value())))
                        .recover(error -> {
                            if (error instanceof JobQueueFullException) {
                                res.status(503).header("Retry-After", "1").send("The job queue is busy; retry shortly.");
                                return null;
                            }
                            throw error instanceof RuntimeException runtime ? runtime : new IllegalStateException(error);
                        })))
                .use("/jobs", JobRoutes.router(jobs, Set.of(COMPUTE)));
    }

    /** The seed's sum on a worker thread, with progress in percent and a look at the interrupt flag per chunk. */
    static long sumBelow(long n, JobContext job) throws InterruptedException {
        long sum = 0;
        int reported = 0;
        for (long start = 0; start < n; start += CHUNK) {
            if (Thread.interrupted()) {
                throw new InterruptedException("the sum was cancelled at " + start);
            }
            long end = Math.min(n, start + CHUNK);
            for (long i = start; i < end; i++) {
                sum += i;
            }
            int percent = (int) (end * 100 / n);
            if (percent != reported) {
                reported = percent;
                job.progress(percent);
            }
        }
        return sum;
    }
}
