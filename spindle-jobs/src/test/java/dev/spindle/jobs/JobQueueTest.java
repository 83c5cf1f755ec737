package dev.spindle.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spindle.loop.Promise;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Adding, processing and reading jobs on a real SQLite file, under the virtual clock. */
class JobQueueTest {

    /** A payload type; Jackson reads and writes it. */
    public record Sum(long n) {}

    @TempDir
    Path dir;

    private final LoopRun run = LoopRun.virtual();
    private JobQueue queue;

    @AfterEach
    void tearDown() {
        run.close();
    }

    private JobQueue open(JobQueueOptions options) {
        queue = JobQueue.open(run.loop, dir.resolve("jobs.db"), options);
        return queue;
    }

    private JobQueue open() {
        return open(JobQueueOptions.DEFAULTS);
    }

    @Test
    void addAnswersAnIdAndAProcessorCompletesTheJob() {
        open();
        AtomicReference<JobId> id = new AtomicReference<>();
        AtomicReference<Job> waiting = new AtomicReference<>();
        AtomicReference<Job> done = new AtomicReference<>();
        List<JobEvent.Completed> completed = new ArrayList<>();
        List<String> handlerThreads = new ArrayList<>();
        queue.add("sum", new Sum(10)).then(id::set).flatMap(queue::get).then(job -> waiting.set(job.orElseThrow()));
        queue.onCompleted(event -> {
            completed.add(event);
            queue.get(event.id()).then(job -> done.set(job.orElseThrow())).andFinally(queue::close);
        });
        run.loop.setTimeout(() -> queue.process("sum", 2, job -> {
            handlerThreads.add(Thread.currentThread().getName());
            long n = job.payload(Sum.class).n();
            return Promise.resolved(n * (n - 1) / 2);
        }), 10);
        Thread testThread = Thread.currentThread();
        run.run();

        assertThat(waiting.get().state()).isEqualTo(JobState.WAITING);
        assertThat(waiting.get().attemptsMade()).isZero();
        assertThat(waiting.get().payload(Sum.class)).isEqualTo(new Sum(10));
        assertThat(completed).hasSize(1);
        assertThat(completed.getFirst().id()).isEqualTo(id.get());
        assertThat(completed.getFirst().result().asLong()).isEqualTo(45);
        Job job = done.get();
        assertThat(job.id()).isEqualTo(id.get());
        assertThat(job.name()).isEqualTo("sum");
        assertThat(job.state()).isEqualTo(JobState.COMPLETED);
        assertThat(job.result(Long.class)).contains(45L);
        assertThat(job.attemptsMade()).isEqualTo(1);
        assertThat(job.maxAttempts()).isEqualTo(1);
        assertThat(job.error()).isNull();
        assertThat(job.finishedAt()).isNotNull();
        assertThat(handlerThreads).containsExactly(testThread.getName()); // the loop thread: run() ran on this thread
    }

    @Test
    void addingTheSameIdempotencyKeyTwiceYieldsTheSameJob() {
        open();
        JobOptions keyed = JobOptions.builder().idempotencyKey("order-7").build();
        List<JobId> ids = new ArrayList<>();
        AtomicReference<Map<JobState, Long>> counts = new AtomicReference<>();
        queue.add("mail", "first", keyed).then(ids::add)
                .flatMap(x -> queue.add("mail", "second", keyed)).then(ids::add)
                .flatMap(x -> Promise.all(List.of(queue.add("mail", "third", keyed), queue.add("mail", "fourth", keyed))))
                .then(ids::addAll)
                .flatMap(x -> queue.add("mail", "other", JobOptions.builder().idempotencyKey("order-8").build())).then(ids::add)
                .flatMap(x -> queue.counts()).then(counts::set)
                .andFinally(queue::close);
        run.run();
        assertThat(ids).hasSize(5);
        assertThat(ids.subList(0, 4)).containsOnly(ids.getFirst());
        assertThat(ids.get(4)).isNotEqualTo(ids.getFirst());
        assertThat(counts.get().get(JobState.WAITING)).isEqualTo(2);
    }

    @Test
    void higherPriorityRunsFirstThenTheOrderJobsWereAdded() {
        open();
        List<String> ran = new ArrayList<>();
        int[] priorities = {0, 5, 0, 10, 5, -1};
        List<Promise<JobId>> adds = new ArrayList<>();
        for (int i = 0; i < priorities.length; i++) {
            adds.add(queue.add("work", "job " + i + " (priority " + priorities[i] + ")",
                    JobOptions.builder().priority(priorities[i]).build()));
        }
        run.loop.setImmediate(() -> Promise.all(adds).then(ids -> queue.process("work", 1, job -> {
            ran.add(job.payload().asText());
            if (ran.size() == priorities.length) {
                run.loop.setImmediate(queue::close);
            }
            return Promise.resolved(null);
        })));
        run.run();
        assertThat(ran).containsExactly("job 3 (priority 10)", "job 1 (priority 5)", "job 4 (priority 5)",
                "job 0 (priority 0)", "job 2 (priority 0)", "job 5 (priority -1)");
    }

    @Test
    void aDelayedJobIsDelayedUntilItsTimeAndRunsExactlyThen() {
        open();
        long[] addedAt = new long[1];
        long[] ranAt = new long[1];
        AtomicReference<Job> before = new AtomicReference<>();
        queue.process("later", 1, job -> {
            ranAt[0] = run.now();
            run.loop.setImmediate(queue::close);
            return Promise.resolved("done");
        });
        run.loop.setTimeout(() -> {
            addedAt[0] = run.now();
            queue.add("later", null, JobOptions.builder().delay(Duration.ofMillis(5_250)).build())
                    .flatMap(queue::get).then(job -> before.set(job.orElseThrow()));
        }, 100);
        run.run();
        assertThat(before.get().state()).isEqualTo(JobState.DELAYED);
        assertThat(before.get().runAt().toEpochMilli() - before.get().createdAt().toEpochMilli()).isEqualTo(5_250);
        assertThat(ranAt[0] - addedAt[0]).isEqualTo(5_250);
    }

    @Test
    void progressEventsArriveInOrderAndTheJobKeepsTheLastProgress() {
        open();
        List<String> events = new ArrayList<>();
        AtomicReference<Job> done = new AtomicReference<>();
        queue.onProgress(event -> events.add("progress " + event.progress()));
        queue.onCompleted(event -> {
            events.add("completed " + event.result());
            queue.get(event.id()).then(job -> done.set(job.orElseThrow())).andFinally(queue::close);
        });
        queue.process("steps", 1, job -> {
            Promise<String> result = run.loop.promise();
            for (int step = 1; step <= 4; step++) {
                int percent = step * 25;
                run.loop.setTimeout(() -> {
                    job.progress(percent);
                    if (percent == 100) {
                        result.resolve("all steps");
                    }
                }, step * 100L);
            }
            return result;
        });
        queue.add("steps", Map.of("steps", 4));
        run.run();
        assertThat(events).containsExactly("progress 25", "progress 50", "progress 75", "progress 100", "completed \"all steps\"");
        assertThat(done.get().progress().asInt()).isEqualTo(100);
    }

    @Test
    void aJobWhoseOnlyAttemptFailsIsFailedWithTheError() {
        open();
        List<JobEvent.Failed> failures = new ArrayList<>();
        AtomicReference<Job> failed = new AtomicReference<>();
        queue.onFailed(event -> {
            failures.add(event);
            queue.get(event.id()).then(job -> failed.set(job.orElseThrow())).andFinally(queue::close);
        });
        queue.process("bad", 1, job -> Promise.rejected(new IllegalStateException("boom")));
        queue.add("bad", 1);
        run.run();
        assertThat(failures).hasSize(1);
        assertThat(failures.getFirst().willRetry()).isFalse();
        assertThat(failures.getFirst().error()).hasMessage("boom");
        assertThat(failed.get().state()).isEqualTo(JobState.FAILED);
        assertThat(failed.get().error()).isEqualTo("IllegalStateException: boom");
        assertThat(failed.get().attemptsMade()).isEqualTo(1);
        assertThat(failed.get().result()).isNull();
    }

    @Test
    void aHandlerThatThrowsOrReturnsNullFailsItsAttempt() {
        open();
        List<String> errors = new ArrayList<>();
        queue.onFailed(event -> {
            errors.add(event.error().getClass().getSimpleName());
            if (errors.size() == 2) {
                queue.close();
            }
        });
        queue.process("throws", 1, job -> {
            throw new java.io.IOException("disk gone");
        });
        queue.process("null", 1, job -> null);
        queue.add("throws", 1);
        queue.add("null", 1);
        run.run();
        assertThat(errors).containsExactlyInAnyOrder("IOException", "IllegalStateException");
    }

    @Test
    void anUnknownIdReadsEmptyAndAClosedQueueRejectsAdds() {
        open();
        AtomicReference<Optional<Job>> unknown = new AtomicReference<>();
        AtomicReference<Throwable> afterClose = new AtomicReference<>();
        queue.get(JobId.of("no-such-job")).then(unknown::set)
                .flatMap(x -> queue.close())
                .then(x -> queue.add("late", 1).onFailure(afterClose::set));
        run.run();
        assertThat(unknown.get()).isEmpty();
        assertThat(afterClose.get()).isInstanceOf(JobQueueClosedException.class);
    }

    @Test
    void aPayloadIsStoredAsJson() {
        open();
        AtomicReference<JsonNode> payload = new AtomicReference<>();
        queue.add("json", Map.of("list", List.of(1, 2, 3), "text", "héllo"))
                .flatMap(queue::get).then(job -> payload.set(job.orElseThrow().payload()))
                .andFinally(queue::close);
        run.run();
        assertThat(payload.get().toString()).contains("\"list\":[1,2,3]", "\"text\":\"héllo\"");
    }
}
