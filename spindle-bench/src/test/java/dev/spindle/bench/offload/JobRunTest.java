package dev.spindle.bench.offload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.jobs.JobQueue;
import dev.spindle.jobs.JobState;
import dev.spindle.loop.Loop;
import dev.spindle.workers.WorkerPoolOptions;
import dev.spindle.workers.Workers;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The jobs benchmark's phases store every add and complete every stored job, however the store commits. */
class JobRunTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(JobRun.Commits.class)
    void everyAddIsStoredAndEveryJobCompletesOnTheLoopAndOnWorkers(JobRun.Commits commits) {
        try (Loop loop = Loop.create();
                Workers workers = Workers.create(loop, WorkerPoolOptions.builder().maxThreads(2).maxQueue(64).build())) {
            JobQueue[] queue = new JobQueue[1];
            loop.execute(() -> queue[0] = JobRun.open(loop, dir.resolve(commits + ".db"), commits, false, workers));
            loop.run();

            assertThat(JobRun.addAll(loop, queue[0], 1_500, 100)).isEqualTo(1_500);
            assertThat(JobRun.processAll(loop, queue[0], 1_500, 32, false)).isEqualTo(1_500);
            assertThat(JobRun.addAll(loop, queue[0], 800, 1_000)).isEqualTo(800);
            assertThat(JobRun.processAll(loop, queue[0], 800, 32, true)).isEqualTo(800);

            AtomicReference<Map<JobState, Long>> counts = new AtomicReference<>();
            loop.execute(() -> queue[0].counts().then(counts::set));
            loop.run();
            assertThat(counts.get().get(JobState.WAITING)).isZero();
            assertThat(counts.get().get(JobState.ACTIVE)).isZero();
            JobRun.close(loop, queue[0]);
        }
    }
}
