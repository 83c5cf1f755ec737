package dev.spindle.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.workers.WorkerPoolOptions;
import dev.spindle.workers.Workers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CPU handlers run on a worker thread; their progress and outcome come back to the loop. */
class WorkerHandlerTest {

    @TempDir
    Path dir;

    @Test
    void aWorkerHandlerRunsOffTheLoopAndReportsProgressToIt() {
        try (LoopRun run = LoopRun.real()) {
            Workers workers = Workers.create(run.loop, WorkerPoolOptions.builder().name("jobs-test").maxThreads(2).build());
            JobQueue queue = JobQueue.open(run.loop, dir.resolve("jobs.db"), JobQueueOptions.builder().workers(workers).build());
            Thread loopThread = Thread.currentThread();
            List<String> handlerThreads = Collections.synchronizedList(new ArrayList<>());
            List<String> events = new ArrayList<>();
            AtomicReference<Job> done = new AtomicReference<>();
            queue.onProgress(event -> events.add("progress " + event.progress() + (Thread.currentThread() == loopThread ? " on the loop" : "")));
            queue.onCompleted(event -> queue.get(event.id()).then(job -> done.set(job.orElseThrow()))
                    .andFinally(() -> queue.close().andFinally(workers::close)));
            queue.processOnWorkers("sum", 1, job -> {
                handlerThreads.add(Thread.currentThread().getName());
                long n = job.payload().asLong();
                long sum = 0;
                for (long i = 0; i < n; i++) {
                    sum += i;
                    if (i == n / 2) {
                        job.progress(50);
                    }
                }
                job.progress(100);
                return sum;
            });
            queue.add("sum", 1_000_000);
            run.run();
            assertThat(handlerThreads).hasSize(1).allMatch(name -> name.startsWith("spindle-worker-jobs-test"));
            assertThat(events).containsExactly("progress 50 on the loop", "progress 100 on the loop");
            assertThat(done.get().result().asLong()).isEqualTo(499_999_500_000L);
            assertThat(done.get().progress().asInt()).isEqualTo(100);
        }
    }

    @Test
    void aTimeoutInterruptsTheWorkerThreadAndFailsTheAttempt() throws Exception {
        CountDownLatch interrupted = new CountDownLatch(1);
        try (LoopRun run = LoopRun.real()) {
            Workers workers = Workers.create(run.loop, WorkerPoolOptions.builder().name("jobs-test").maxThreads(1).build());
            JobQueue queue = JobQueue.open(run.loop, dir.resolve("jobs.db"), JobQueueOptions.builder().workers(workers).build());
            AtomicReference<JobEvent.Failed> failed = new AtomicReference<>();
            queue.onFailed(event -> {
                failed.set(event);
                queue.close().andFinally(workers::close);
            });
            queue.processOnWorkers("spin", 1, job -> {
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.onSpinWait();
                }
                interrupted.countDown();
                throw new InterruptedException("stopped");
            });
            queue.add("spin", null, JobOptions.builder().timeout(Duration.ofMillis(200)).build());
            run.run();
            assertThat(failed.get().error()).isInstanceOf(JobTimeoutException.class);
            assertThat(failed.get().willRetry()).isFalse();
        }
        assertThat(interrupted.await(10, TimeUnit.SECONDS)).as("the worker thread was interrupted").isTrue();
    }
}
