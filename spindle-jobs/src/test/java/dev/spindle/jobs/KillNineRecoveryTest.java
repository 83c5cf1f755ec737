package dev.spindle.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.loop.Promise;
import dev.spindle.net.ExitStatus;
import dev.spindle.net.Signal;
import dev.spindle.net.SpawnOptions;
import dev.spindle.net.Stdio;
import dev.spindle.workers.ForkOptions;
import dev.spindle.workers.ForkedProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The durability promise with a real process: a child JVM takes jobs from the SQLite file and is
 * killed with SIGKILL mid-job while other jobs still wait; a new queue on the same file finishes
 * every job, none lost, and only the jobs the dead process held run twice (once there, once here),
 * each counted as one stall and one attempt.
 */
class KillNineRecoveryTest {

    private static final int JOBS = 6;
    private static final int CHILD_CONCURRENCY = 2;
    private static final Duration LEASE = Duration.ofSeconds(1);

    @TempDir
    Path dir;

    @Test
    void aNewProcessFinishesEveryJobAfterTheFirstIsKilledMidJob() {
        Path file = dir.resolve("spindle-jobs.db");
        Set<JobId> added = new LinkedHashSet<>();
        List<JobId> startedInChild = new ArrayList<>();
        AtomicReference<Map<JobState, Long>> atKill = new AtomicReference<>();
        AtomicReference<ExitStatus> childExit = new AtomicReference<>();
        Map<JobId, Integer> runsHere = new HashMap<>();
        List<JobEvent.Stalled> stalled = new ArrayList<>();
        Map<JobId, Job> finished = new HashMap<>();

        try (LoopRun run = LoopRun.real()) {
            // 1. this process adds the jobs, then lets go of the file
            JobQueue adder = JobQueue.open(run.loop, file);
            List<Promise<JobId>> adds = new ArrayList<>();
            for (int i = 0; i < JOBS; i++) {
                adds.add(adder.add("work", Map.of("n", i)));
            }
            run.loop.setImmediate(() -> Promise.all(adds).then(added::addAll).flatMap(x -> adder.close()).then(x -> {
                // 2. a child JVM takes jobs; once it holds CHILD_CONCURRENCY of them, it is killed with SIGKILL
                ForkedProcess child = ForkedProcess.fork(run.loop, JobChild.class,
                        List.of(file.toString(), Long.toString(LEASE.toMillis()), Integer.toString(CHILD_CONCURRENCY)),
                        ForkOptions.builder().jvmArgs(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx128m",
                                "-Xshare:auto", "--enable-native-access=ALL-UNNAMED"))
                                .spawn(SpawnOptions.builder().stderr(Stdio.INHERIT).build()).build());
                child.process().onExit(status -> {
                    childExit.set(status);
                    recover(run, file, runsHere, stalled, finished);
                });
                child.onMessage(Map.class, message -> {
                    startedInChild.add(JobId.of((String) message.get("started")));
                    if (startedInChild.size() == CHILD_CONCURRENCY) {
                        JobQueue reader = JobQueue.open(run.loop, file);
                        reader.counts().then(atKill::set).andFinally(() -> {
                            reader.close();
                            ProcessHandle.of(child.process().pid()).orElseThrow().destroyForcibly(); // SIGKILL
                        });
                    }
                });
            }));
            run.run();
        }

        assertThat(childExit.get().signal()).contains(Signal.SIGKILL);
        assertThat(atKill.get()).as("mid-job, with other jobs still waiting")
                .containsEntry(JobState.ACTIVE, (long) CHILD_CONCURRENCY)
                .containsEntry(JobState.WAITING, (long) (JOBS - CHILD_CONCURRENCY));
        assertThat(startedInChild).hasSize(CHILD_CONCURRENCY).doesNotHaveDuplicates();
        assertThat(finished.keySet()).as("no job lost").containsExactlyInAnyOrderElementsOf(added);
        for (Job job : finished.values()) {
            assertThat(job.state()).isEqualTo(JobState.COMPLETED);
            assertThat(job.result().asText()).isEqualTo("done " + job.payload().get("n").asInt());
            assertThat(job.attemptsMade()).as("the killed attempt is given back, not counted").isEqualTo(1);
            int expectedStalls = startedInChild.contains(job.id()) ? 1 : 0;
            assertThat(job.stalls()).isEqualTo(expectedStalls);
            // at-least-once, bounded: attempts (1) + maxStalls (1) runs at most, across both processes
            int runs = runsHere.get(job.id()) + (startedInChild.contains(job.id()) ? 1 : 0);
            assertThat(runs).isEqualTo(1 + expectedStalls).isLessThanOrEqualTo(1 + JobQueueOptions.DEFAULT_MAX_STALLS);
        }
        assertThat(stalled).extracting(JobEvent.Stalled::id).containsExactlyInAnyOrderElementsOf(startedInChild);
        assertThat(stalled).extracting(JobEvent.Stalled::failed).containsOnly(false);
    }

    /** 3. A new queue on the same file: it recovers the dead process's jobs once their leases expire, and runs everything. */
    private static void recover(LoopRun run, Path file, Map<JobId, Integer> runs, List<JobEvent.Stalled> stalled, Map<JobId, Job> finished) {
        JobQueue queue = JobQueue.open(run.loop, file, JobQueueOptions.builder()
                .leaseDuration(LEASE).stalledInterval(Duration.ofMillis(200)).pollInterval(Duration.ofMillis(200)).build());
        queue.onStalled(stalled::add);
        queue.onCompleted(event -> queue.get(event.id()).then(job -> {
            finished.put(event.id(), job.orElseThrow());
            if (finished.size() == JOBS) {
                queue.close();
            }
        }));
        queue.process("work", 3, job -> {
            runs.merge(job.id(), 1, Integer::sum);
            return Promise.resolved("done " + job.payload().get("n").asInt());
        });
    }
}
