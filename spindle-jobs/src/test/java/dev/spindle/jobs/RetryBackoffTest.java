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

/** Retries run at the times their backoff says, to the millisecond, under the virtual clock. */
class RetryBackoffTest {

    @TempDir
    Path dir;

    private final LoopRun run = LoopRun.virtual();

    @AfterEach
    void tearDown() {
        run.close();
    }

    /** Runs one job that fails its first {@code failures} attempts; answers each attempt's start, relative to the add. */
    private List<Long> attemptTimes(JobOptions options, int failures, List<JobEvent.Failed> failed, AtomicReference<Job> last) {
        JobQueue queue = JobQueue.open(run.loop, dir.resolve("jobs.db"));
        List<Long> starts = new ArrayList<>();
        long[] addedAt = new long[1];
        queue.onFailed(failed::add);
        queue.process("flaky", 1, job -> {
            starts.add(run.now() - addedAt[0]);
            assertThat(job.attempt()).isEqualTo(starts.size());
            if (job.attempt() <= failures) {
                boolean finalAttempt = job.attempt() == job.maxAttempts();
                if (finalAttempt) {
                    run.loop.setTimeout(() -> queue.get(job.id()).then(j -> last.set(j.orElseThrow())).andFinally(queue::close), 1);
                }
                return Promise.rejected(new IllegalStateException("attempt " + job.attempt() + " failed"));
            }
            run.loop.setTimeout(() -> queue.get(job.id()).then(j -> last.set(j.orElseThrow())).andFinally(queue::close), 1);
            return Promise.resolved("ok at attempt " + job.attempt());
        });
        run.loop.setTimeout(() -> {
            addedAt[0] = run.now();
            queue.add("flaky", null, options);
        }, 250);
        run.run();
        return starts;
    }

    @Test
    void aFixedBackoffWaitsTheSameDelayBeforeEveryRetry() {
        List<JobEvent.Failed> failed = new ArrayList<>();
        AtomicReference<Job> job = new AtomicReference<>();
        JobOptions options = JobOptions.builder().attempts(4).backoff(Backoff.fixed(Duration.ofMillis(500))).build();
        assertThat(attemptTimes(options, 4, failed, job)).containsExactly(0L, 500L, 1_000L, 1_500L);
        assertThat(failed).extracting(JobEvent.Failed::willRetry).containsExactly(true, true, true, false);
        assertThat(failed).extracting(JobEvent.Failed::attempt).containsExactly(1, 2, 3, 4);
        assertThat(job.get().state()).isEqualTo(JobState.FAILED);
        assertThat(job.get().attemptsMade()).isEqualTo(4);
        assertThat(job.get().error()).isEqualTo("IllegalStateException: attempt 4 failed");
    }

    @Test
    void anExponentialBackoffDoublesTheDelayAfterEachFailure() {
        List<JobEvent.Failed> failed = new ArrayList<>();
        AtomicReference<Job> job = new AtomicReference<>();
        JobOptions options = JobOptions.builder().attempts(5).backoff(Backoff.exponential(Duration.ofSeconds(1))).build();
        assertThat(attemptTimes(options, 5, failed, job)).containsExactly(0L, 1_000L, 3_000L, 7_000L, 15_000L);
        // the retry time each failure announced is when the next attempt started
        for (int i = 0; i < 4; i++) {
            assertThat(failed.get(i).retryAt()).isPresent();
        }
        assertThat(failed.get(1).retryAt().orElseThrow().toEpochMilli() - failed.get(0).retryAt().orElseThrow().toEpochMilli())
                .isEqualTo(2_000);
        assertThat(job.get().attemptsMade()).isEqualTo(5);
    }

    @Test
    void aCappedExponentialBackoffStopsGrowingAtItsMaximum() {
        List<JobEvent.Failed> failed = new ArrayList<>();
        AtomicReference<Job> job = new AtomicReference<>();
        Backoff capped = Backoff.exponential(Duration.ofSeconds(1)).withMaxDelay(Duration.ofMillis(2_500));
        JobOptions options = JobOptions.builder().attempts(5).backoff(capped).build();
        assertThat(attemptTimes(options, 5, failed, job)).containsExactly(0L, 1_000L, 3_000L, 5_500L, 8_000L);
    }

    @Test
    void aJobThatSucceedsOnARetryCompletesWithItsAttemptCount() {
        List<JobEvent.Failed> failed = new ArrayList<>();
        AtomicReference<Job> job = new AtomicReference<>();
        JobOptions options = JobOptions.builder().attempts(5).backoff(Backoff.fixed(Duration.ofMillis(200))).build();
        assertThat(attemptTimes(options, 2, failed, job)).containsExactly(0L, 200L, 400L);
        assertThat(failed).hasSize(2);
        assertThat(job.get().state()).isEqualTo(JobState.COMPLETED);
        assertThat(job.get().attemptsMade()).isEqualTo(3);
        assertThat(job.get().result(String.class)).contains("ok at attempt 3");
        assertThat(job.get().error()).isEqualTo("IllegalStateException: attempt 2 failed");
    }

    @Test
    void jitterDrawsEachDelayBelowTheBackoffButNoLowerThanItsShare() {
        List<JobEvent.Failed> failed = new ArrayList<>();
        AtomicReference<Job> job = new AtomicReference<>();
        Backoff jittered = Backoff.exponential(Duration.ofSeconds(1)).withJitter(0.5);
        JobOptions options = JobOptions.builder().attempts(4).backoff(jittered).build();
        List<Long> starts = attemptTimes(options, 4, failed, job);
        assertThat(starts).hasSize(4);
        long[] full = {1_000, 2_000, 4_000};
        for (int i = 0; i < 3; i++) {
            long delay = starts.get(i + 1) - starts.get(i);
            assertThat(delay).isBetween(full[i] / 2, full[i]);
        }
    }
}
