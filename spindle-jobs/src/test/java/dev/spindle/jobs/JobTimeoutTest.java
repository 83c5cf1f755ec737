package dev.spindle.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.loop.Promise;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An attempt that runs past its timeout fails at exactly that time, is cancelled, and its late outcome is ignored. */
class JobTimeoutTest {

    @TempDir
    Path dir;

    private final LoopRun run = LoopRun.virtual();

    @AfterEach
    void tearDown() {
        run.close();
    }

    @Test
    void anAttemptPastItsTimeoutFailsIsCancelledAndIsRetried() {
        JobQueue queue = JobQueue.open(run.loop, dir.resolve("jobs.db"));
        List<String> log = new ArrayList<>();
        AtomicReference<Job> last = new AtomicReference<>();
        long[] addedAt = new long[1];
        queue.onFailed(event -> {
            log.add((run.now() - addedAt[0]) + " failed attempt " + event.attempt() + ": " + event.error().getMessage()
                    + (event.willRetry() ? " (retry)" : " (final)"));
            if (!event.willRetry()) {
                // the late outcome of the abandoned attempt arrives at 20 s; the job must stay failed
                run.loop.setTimeout(() -> queue.get(event.id()).then(job -> last.set(job.orElseThrow())).andFinally(queue::close), 20_000);
            }
        });
        queue.onCompleted(event -> log.add("completed?!"));
        queue.process("slow", 1, job -> {
            log.add((run.now() - addedAt[0]) + " attempt " + job.attempt());
            job.cancellation().onCancel(reason -> log.add((run.now() - addedAt[0]) + " cancelled: " + reason.getClass().getSimpleName()));
            Promise<String> late = run.loop.promise();
            run.loop.setTimeout(() -> late.resolve("too late"), 10_000);
            return late;
        });
        run.loop.setTimeout(() -> {
            addedAt[0] = run.now();
            queue.add("slow", null, JobOptions.builder().timeout(Duration.ofSeconds(2)).attempts(2)
                    .backoff(Backoff.fixed(Duration.ofSeconds(1))).build());
        }, 50);
        run.run();

        assertThat(log).containsExactly(
                "0 attempt 1",
                "2000 cancelled: JobTimeoutException",
                "2000 failed attempt 1: attempt 1 of job " + last.get().id() + " ran past its timeout of 2000 ms (retry)",
                "3000 attempt 2",
                "5000 cancelled: JobTimeoutException",
                "5000 failed attempt 2: attempt 2 of job " + last.get().id() + " ran past its timeout of 2000 ms (final)");
        assertThat(last.get().state()).isEqualTo(JobState.FAILED);
        assertThat(last.get().result()).isNull();
        assertThat(last.get().attemptsMade()).isEqualTo(2);
        assertThat(last.get().error()).startsWith("JobTimeoutException: attempt 2 of job");
    }
}
