package dev.spindle.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.jobs.spi.JobStore;
import dev.spindle.loop.Promise;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Leases, in one process under the virtual clock: a job held by a process that stopped renewing is
 * recovered once its lease expires, and a run whose lease was lost cannot store its outcome.
 * (KillNineRecoveryTest does the same with a real process killed by SIGKILL.)
 */
class StalledJobTest {

    @TempDir
    Path dir;

    private final LoopRun run = LoopRun.virtual();

    @AfterEach
    void tearDown() {
        run.close();
    }

    private final JobQueueOptions options = JobQueueOptions.builder()
            .leaseDuration(Duration.ofSeconds(3))
            .stalledInterval(Duration.ofSeconds(1))
            .build();

    @Test
    void aJobWhoseHolderStoppedRenewingIsRecoveredWhenItsLeaseExpiresAndRunsAgain() {
        JobStore deadProcess = SqliteStore.open(run.loop, dir.resolve("jobs.db"));
        JobQueue queue = JobQueue.open(run.loop, dir.resolve("jobs.db"), options);
        List<String> log = new ArrayList<>();
        AtomicReference<Job> done = new AtomicReference<>();
        long[] claimedAt = new long[1];
        queue.onStalled(event -> log.add((run.now() - claimedAt[0]) + " stalled " + event.stalls() + (event.failed() ? " failed" : "")));
        queue.onCompleted(event -> queue.get(event.id()).then(job -> done.set(job.orElseThrow()))
                .andFinally(() -> queue.close().andFinally(deadProcess::close)));
        add(queue, "work", "payload")
                .flatMap(id -> {
                    claimedAt[0] = run.now();
                    // another process takes the job with a 2 s lease, then dies without renewing it
                    return deadProcess.claim("work", 1, "dead-process", queueNow(), queueNow() + 2_000);
                })
                .then(claimed -> {
                    assertThat(claimed.jobs()).hasSize(1);
                    queue.process("work", 1, job -> {
                        log.add((run.now() - claimedAt[0]) + " run attempt " + job.attempt());
                        return Promise.resolved("recovered");
                    });
                });
        run.run();
        assertThat(log).containsExactly("2000 stalled 1", "2000 run attempt 1");
        assertThat(done.get().state()).isEqualTo(JobState.COMPLETED);
        assertThat(done.get().attemptsMade()).isEqualTo(1);
        assertThat(done.get().stalls()).isEqualTo(1);
    }

    @Test
    void aRunWhoseLeaseWasLostCannotStoreItsOutcomeAndTheJobRunsAgain() {
        JobStore other = SqliteStore.open(run.loop, dir.resolve("jobs.db"));
        JobQueue queue = JobQueue.open(run.loop, dir.resolve("jobs.db"), options);
        List<String> log = new ArrayList<>();
        AtomicReference<Job> done = new AtomicReference<>();
        queue.onCompleted(event -> {
            log.add("completed with " + event.result().asText());
            queue.get(event.id()).then(job -> done.set(job.orElseThrow())).andFinally(() -> queue.close().andFinally(other::close));
        });
        queue.onStalled(event -> log.add("stalled"));
        add(queue, "work", "payload").then(id -> queue.process("work", 1, job -> {
            int run1 = log.size();
            log.add("run " + (job.attempt()) + (run1 == 0 ? " (first)" : " (again)"));
            if (run1 == 0) {
                // while this run works, another process wrongly judges its lease expired and recovers the job
                return other.recoverStalled(queueNow() + 60_000, 5)
                        .then(recovered -> log.add("recovered by another process: " + recovered.size()))
                        .map(x -> "first run's result");
            }
            return Promise.resolved("second run's result");
        }));
        run.run();
        assertThat(log).containsExactly("run 1 (first)", "recovered by another process: 1", "run 1 (again)",
                "completed with second run's result");
        assertThat(done.get().result().asText()).isEqualTo("second run's result");
        assertThat(done.get().attemptsMade()).isEqualTo(1);
        assertThat(done.get().stalls()).isEqualTo(1);
    }

    @Test
    void aJobThatStallsMoreThanMaxStallsFails() {
        JobStore deadProcess = SqliteStore.open(run.loop, dir.resolve("jobs.db"));
        JobQueue queue = JobQueue.open(run.loop, dir.resolve("jobs.db"), options.toBuilder().maxStalls(0).build());
        List<JobEvent.Stalled> stalled = new ArrayList<>();
        AtomicReference<Job> failed = new AtomicReference<>();
        queue.onStalled(event -> {
            stalled.add(event);
            queue.get(event.id()).then(job -> failed.set(job.orElseThrow())).andFinally(() -> queue.close().andFinally(deadProcess::close));
        });
        add(queue, "work", "payload")
                .flatMap(id -> deadProcess.claim("work", 1, "dead-process", queueNow(), queueNow() + 500))
                .then(claimed -> queue.process("work", 1, job -> Promise.resolved("never")));
        run.run();
        assertThat(stalled).hasSize(1);
        assertThat(stalled.getFirst().failed()).isTrue();
        assertThat(failed.get().state()).isEqualTo(JobState.FAILED);
        assertThat(failed.get().error()).contains("stalled 1 times");
    }

    /** The queue's epoch time minus the loop's time, learnt from the first job's creation time. */
    private long epochOffset;

    /** Adds a job and learns the queue's clock from its stored creation time. */
    private Promise<JobId> add(JobQueue queue, String name, Object payload) {
        long loopTime = run.now();
        return queue.add(name, payload).flatMap(id -> queue.get(id).map(job -> {
            epochOffset = job.orElseThrow().createdAt().toEpochMilli() - loopTime;
            return id;
        }));
    }

    /** Now, on the queue's clock. */
    private long queueNow() {
        return epochOffset + run.now();
    }
}
