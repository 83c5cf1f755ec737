package dev.spindle.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.loop.LoopOptions;
import dev.spindle.loop.Promise;
import dev.spindle.loop.RejectedTaskException;
import dev.spindle.loop.Timer;
import dev.spindle.workers.WorkerPoolOptions;
import dev.spindle.workers.Workers;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A queue that cannot take work says so to its caller; nothing is lost silently. */
class BackpressureTest {

    @TempDir
    Path dir;

    @Test
    void aFullHandOffRejectsTheAddAtOnce() {
        try (LoopRun run = LoopRun.virtual()) {
            JobQueue queue = JobQueue.open(run.loop, dir.resolve("jobs.db"), JobQueueOptions.builder().maxPendingAdds(2).build());
            List<Promise<JobId>> adds = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                adds.add(queue.add("work", i));
            }
            boolean rejectedAtOnce = adds.get(2).isRejected();
            AtomicReference<Map<JobState, Long>> counts = new AtomicReference<>();
            List<JobId> stored = new ArrayList<>();
            adds.get(2).onFailure(error -> { });
            run.loop.setImmediate(() -> Promise.allSettled(adds)
                    .then(settled -> settled.stream().filter(one -> one.isFulfilled()).forEach(one -> stored.add(one.value())))
                    .flatMap(x -> queue.counts()).then(counts::set)
                    .andFinally(queue::close));
            run.run();
            assertThat(rejectedAtOnce).isTrue();
            assertThat(adds.get(2).error().orElseThrow()).isInstanceOf(JobQueueFullException.class)
                    .hasMessageContaining("2 jobs are already waiting for the store (maxPendingAdds)");
            assertThat(stored).hasSize(2);
            assertThat(counts.get().get(JobState.WAITING)).isEqualTo(2);
        }
    }

    @Test
    void aFullBlockingPoolRejectsTheAddWithTheQueuesOwnErrorAndStoresNothing() throws Exception {
        LoopOptions.Builder tiny = LoopOptions.builder().threadPoolSize(1).threadPoolQueueCapacity(1);
        try (LoopRun run = LoopRun.real(tiny)) {
            JobQueue queue = JobQueue.open(run.loop, dir.resolve("jobs.db"));
            CountDownLatch occupied = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            AtomicReference<Throwable> refused = new AtomicReference<>();
            AtomicReference<Map<JobState, Long>> counts = new AtomicReference<>();
            run.loop.setImmediate(() -> {
                Promise<Boolean> occupant = run.loop.offload(() -> { // the pool's only thread, busy until released
                    occupied.countDown();
                    return release.await(10, TimeUnit.SECONDS);
                });
                await(occupied);
                Promise<String> filler = run.loop.offload(() -> "fills the queue");
                queue.add("work", "refused")
                        .onFailure(error -> {
                            refused.set(error);
                            release.countDown();
                        })
                        .recover(error -> null)
                        .flatMap(x -> occupant).flatMap(x -> filler) // the pool has room again
                        .flatMap(x -> queue.add("work", "accepted once the pool has room"))
                        .flatMap(x -> queue.counts()).then(counts::set)
                        .andFinally(queue::close);
            });
            run.run();
            assertThat(refused.get()).isInstanceOf(JobQueueFullException.class)
                    .hasMessageContaining("blocking pool")
                    .hasCauseInstanceOf(RejectedTaskException.class);
            assertThat(counts.get().get(JobState.WAITING)).isEqualTo(1);
        }
    }

    @Test
    void aFullWorkerPoolGivesTheJobBackUncountedAndItRunsWhenThereIsRoom() {
        try (LoopRun run = LoopRun.real()) {
            Workers workers = Workers.create(run.loop, WorkerPoolOptions.builder().name("jobs-test")
                    .minThreads(1).maxThreads(1).maxQueue(0).build());
            JobQueue queue = JobQueue.open(run.loop, dir.resolve("jobs.db"), JobQueueOptions.builder().workers(workers).build());
            CountDownLatch release = new CountDownLatch(1);
            List<Job> done = new ArrayList<>();
            List<JobEvent.Failed> failed = new ArrayList<>();
            queue.onFailed(failed::add);
            queue.onCompleted(event -> queue.get(event.id()).then(job -> {
                done.add(job.orElseThrow());
                if (done.size() == 2) {
                    queue.close().andFinally(workers::close);
                }
            }));
            workers.run(() -> release.await(10, TimeUnit.SECONDS)); // the pool's only thread, and no queue
            queue.processOnWorkers("double", 2, job -> job.payload().asInt() * 2);
            queue.add("double", 20);
            queue.add("double", 21);
            Timer[] watch = new Timer[1];
            watch[0] = run.loop.setInterval(() -> {
                if (workers.stats().rejected() >= 4) { // both jobs were refused, given back, and refused again
                    release.countDown();
                    watch[0].close();
                }
            }, 5);
            run.run();
            assertThat(failed).isEmpty();
            assertThat(done).extracting(job -> job.result().asInt()).containsExactlyInAnyOrder(40, 42);
            assertThat(done).extracting(Job::attemptsMade).containsOnly(1);
            assertThat(done).extracting(Job::state).containsOnly(JobState.COMPLETED);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
