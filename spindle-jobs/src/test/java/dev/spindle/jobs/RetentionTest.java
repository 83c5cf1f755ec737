package dev.spindle.jobs;

import static org.assertj.core.api.Assertions.assertThat;

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

/** Finished jobs beyond the retention limits are removed; waiting jobs never are. */
class RetentionTest {

    @TempDir
    Path dir;

    private final LoopRun run = LoopRun.virtual();

    @AfterEach
    void tearDown() {
        run.close();
    }

    private Path file() {
        return dir.resolve("jobs.db");
    }

    @Test
    void onlyTheNewestFinishedJobsOfEachKindAreKept() {
        JobQueueOptions options = JobQueueOptions.builder().retention(new Retention(3, 2, Duration.ZERO)).build();
        JobQueue queue = JobQueue.open(run.loop, file(), options);
        List<JobId> completed = new ArrayList<>();
        List<JobId> failed = new ArrayList<>();
        Runnable closeAfterTwelve = () -> {
            if (completed.size() + failed.size() == 12) {
                queue.close();
            }
        };
        queue.onCompleted(event -> {
            completed.add(event.id());
            closeAfterTwelve.run();
        });
        queue.onFailed(event -> {
            failed.add(event.id());
            closeAfterTwelve.run();
        });
        queue.process("work", 1, job ->
                job.payload().asInt() % 3 == 0 ? Promise.rejected(new IllegalStateException("no")) : Promise.resolved("ok"));
        for (int i = 1; i <= 12; i++) {
            queue.add("work", i);
        }
        queue.add("later", 0, JobOptions.builder().delay(Duration.ofDays(1)).build()); // never processed here
        run.run();

        AtomicReference<Map<JobState, Long>> counts = new AtomicReference<>();
        List<Optional<Job>> kept = new ArrayList<>();
        JobQueue reader = JobQueue.open(run.loop, file());
        reader.counts().then(counts::set)
                .flatMap(x -> Promise.all(completed.stream().map(reader::get).toList())).then(kept::addAll)
                .andFinally(reader::close);
        run.run();
        assertThat(completed).hasSize(8);
        assertThat(failed).hasSize(4);
        assertThat(counts.get()).containsEntry(JobState.COMPLETED, 3L).containsEntry(JobState.FAILED, 2L)
                .containsEntry(JobState.DELAYED, 1L);
        assertThat(kept).extracting(Optional::isPresent).containsExactly(false, false, false, false, false, true, true, true);
    }

    @Test
    void finishedJobsOlderThanTheMaximumAgeAreRemoved() {
        JobQueueOptions options = JobQueueOptions.builder()
                .retention(new Retention(Retention.KEEP_ALL, Retention.KEEP_ALL, Duration.ofSeconds(10)))
                .stalledInterval(Duration.ofSeconds(5)) // the age limit is applied on these ticks too
                .build();
        JobQueue queue = JobQueue.open(run.loop, file(), options);
        List<String> seen = new ArrayList<>();
        queue.process("work", 1, job -> Promise.resolved("done"));
        queue.onCompleted(event -> {
            run.loop.setTimeout(() -> queue.get(event.id()).then(job -> seen.add("after 9 s: " + job.map(Job::state))), 9_000);
            run.loop.setTimeout(() -> queue.get(event.id()).then(job -> seen.add("after 16 s: " + job.map(Job::state)))
                    .andFinally(queue::close), 16_000);
        });
        queue.add("work", 1);
        run.run();
        assertThat(seen).containsExactly("after 9 s: Optional[COMPLETED]", "after 16 s: Optional.empty");
    }
}
