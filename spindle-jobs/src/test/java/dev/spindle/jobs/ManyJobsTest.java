package dev.spindle.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.loop.Promise;
import dev.spindle.workers.WorkerPoolOptions;
import dev.spindle.workers.Workers;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A thousand jobs added in one loop turn get distinct ids and all complete, once each, with the
 * handler on the loop and on the worker pool; and group commit stores them in far fewer
 * transactions (blocking-pool tasks) than one per write.
 */
class ManyJobsTest {

    private static final int JOBS = 1_000;

    @TempDir
    Path dir;

    @Test
    void aThousandAddsInOneTurnAllCompleteOnTheLoop() {
        runThousand(false);
    }

    @Test
    void aThousandAddsInOneTurnAllCompleteOnTheWorkerPool() {
        runThousand(true);
    }

    @Test
    void theNextJobIsClaimedInTheTransactionThatStoresTheLastOutcome() {
        try (LoopRun run = LoopRun.real()) {
            JobQueue queue = JobQueue.open(run.loop, dir.resolve("jobs.db"),
                    JobQueueOptions.builder().retention(Retention.KEEP_EVERYTHING).build());
            int jobs = 20;
            int[] running = {0};
            int[] mostRunning = {0};
            List<JobId> completed = new ArrayList<>();
            long[] poolTasksBefore = {0};
            queue.onCompleted(event -> {
                completed.add(event.id());
                if (completed.size() == jobs) {
                    queue.close();
                }
            });
            run.loop.execute(() -> {
                List<Promise<JobId>> adds = new ArrayList<>();
                for (int i = 0; i < jobs; i++) {
                    adds.add(queue.add("one-at-a-time", i));
                }
                Promise.all(adds).then(ids -> {
                    poolTasksBefore[0] = run.loop.blockingPoolStats().completed();
                    queue.process("one-at-a-time", 1, job -> {
                        mostRunning[0] = Math.max(mostRunning[0], ++running[0]);
                        return run.loop.delay(1).andFinally(() -> running[0]--);
                    });
                });
            });
            run.run();
            long poolTasks = run.loop.blockingPoolStats().completed() - poolTasksBefore[0];

            assertThat(completed).hasSize(jobs).doesNotHaveDuplicates();
            assertThat(mostRunning[0]).isEqualTo(1);
            // One transaction per job (its outcome, and the claim of the next), not two, plus the
            // first claim and the closing; a job's outcome and the next claim are never apart.
            assertThat(poolTasks).isLessThanOrEqualTo(jobs + 3);
        }
    }

    private void runThousand(boolean onWorkers) {
        try (LoopRun run = LoopRun.real()) {
            Workers workers = Workers.create(run.loop, WorkerPoolOptions.builder().name("many").maxThreads(2).maxQueue(100).build());
            JobQueue queue = JobQueue.open(run.loop, dir.resolve("jobs.db"), JobQueueOptions.builder().workers(workers).build());
            List<JobId> added = new ArrayList<>();
            List<JobId> completed = new ArrayList<>();
            List<Object> results = new ArrayList<>();
            queue.onCompleted(event -> {
                completed.add(event.id());
                results.add(event.result().asInt());
                if (completed.size() == JOBS) {
                    queue.close().andFinally(workers::close);
                }
            });
            if (onWorkers) {
                queue.processOnWorkers("echo", 50, job -> job.payload().asInt());
            } else {
                queue.process("echo", 50, job -> Promise.resolved(job.payload().asInt()));
            }
            run.loop.execute(() -> {
                for (int i = 0; i < JOBS; i++) {
                    queue.add("echo", i).then(added::add);
                }
            });
            run.run();
            long poolTasks = run.loop.blockingPoolStats().completed();

            assertThat(added).hasSize(JOBS).doesNotHaveDuplicates();
            assertThat(completed).hasSize(JOBS).containsExactlyInAnyOrderElementsOf(added);
            Set<Object> distinctResults = new HashSet<>(results);
            assertThat(distinctResults).hasSize(JOBS);
            // One add, one claim and one completion per job would be 3,000 transactions; grouped, a
            // claim and a completion batch serve up to 50 jobs (the concurrency).
            assertThat(poolTasks).isLessThan(400);
        }
    }
}
