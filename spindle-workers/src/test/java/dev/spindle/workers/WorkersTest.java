package dev.spindle.workers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spindle.loop.Loop;
import dev.spindle.loop.Promise;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The worker pool on a real loop with real threads: results, rejection, stats, lifecycle. */
class WorkersTest {

    private final LoopFixture fixture = new LoopFixture();
    private final Loop loop = fixture.loop;
    private final List<Workers> pools = new ArrayList<>();
    /** Released at the end of each test, so no task outlives it. */
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void tearDown() {
        release.countDown();
        pools.forEach(Workers::close);
        fixture.close();
    }

    private Workers pool(WorkerPoolOptions.Builder options) {
        Workers workers = Workers.create(loop, options.build());
        pools.add(workers);
        return workers;
    }

    private static WorkerPoolOptions.Builder oneThread(int maxQueue) {
        return WorkerPoolOptions.builder().name("test").minThreads(1).maxThreads(1).maxQueue(maxQueue);
    }

    @Test
    void theValueComesBackOnTheLoopThread() {
        Workers workers = pool(WorkerPoolOptions.builder().name("values"));
        AtomicReference<String> ranOn = new AtomicReference<>();
        AtomicReference<Boolean> settledOnLoop = new AtomicReference<>();
        workers.run(() -> Thread.currentThread().getName()).then(name -> {
            ranOn.set(name);
            settledOnLoop.set(loop.inLoop());
        });
        fixture.run();
        assertThat(ranOn.get()).startsWith("spindle-worker-values-");
        assertThat(settledOnLoop.get()).isTrue();
    }

    @Test
    void aThrowingTaskRejectsWithItsException() {
        Workers workers = pool(WorkerPoolOptions.builder());
        IOException failure = new IOException("disk on fire");
        AtomicReference<Throwable> error = new AtomicReference<>();
        workers.run(() -> {
            throw failure;
        }).onFailure(error::set);
        fixture.run();
        assertThat(error.get()).isSameAs(failure);
        assertThat(workers.stats().failed()).isEqualTo(1);
        assertThat(workers.stats().completed()).isEqualTo(1);
    }

    @Test
    void aFullPoolRejectsTheCallerAndLosesNothing() {
        Workers workers = pool(oneThread(1));
        List<String> outcomes = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch firstRunning = new CountDownLatch(1);
        Promise<String> running = workers.run(() -> {
            firstRunning.countDown();
            release.await();
            return "first";
        });
        Promise<String> queued = workers.run(() -> "second");
        Promise<String> refused = workers.run(() -> "third");

        assertThat(refused.isRejected()).isTrue();
        assertThat(refused.error().orElseThrow())
                .isInstanceOf(WorkerPoolFullException.class)
                .hasMessageContaining("is full: 1 threads busy and 1 tasks queued");
        WorkerPoolStats full = workers.stats();
        assertThat(full.rejected()).isEqualTo(1);
        assertThat(full.queueCapacity()).isEqualTo(1);

        running.then(outcomes::add);
        queued.then(outcomes::add);
        refused.onFailure(error -> outcomes.add("rejected"));
        loop.setImmediate(release::countDown);
        fixture.run();

        assertThat(outcomes).containsExactlyInAnyOrder("rejected", "first", "second");
        WorkerPoolStats after = workers.stats();
        assertThat(after.completed()).isEqualTo(2);
        assertThat(after.rejected()).isEqualTo(1);
        assertThat(after.queueDepth()).isZero();
        assertThat(after.active()).isZero();
    }

    @Test
    void theQueueDefaultsToMaxThreadsSquared() {
        Workers workers = pool(WorkerPoolOptions.builder().minThreads(0).maxThreads(3));
        assertThat(workers.stats().queueCapacity()).isEqualTo(9);
        assertThat(WorkerPoolOptions.DEFAULTS.maxThreads()).isEqualTo(Runtime.getRuntime().availableProcessors());
    }

    @Test
    void statsCountQueueWaitAndRunTimeAndTheObserverSeesEachTask() {
        List<Long> waits = Collections.synchronizedList(new ArrayList<>());
        List<Long> runs = Collections.synchronizedList(new ArrayList<>());
        Workers workers = pool(oneThread(4).observer(new dev.spindle.workers.spi.WorkerPoolObserver() {
            @Override
            public void taskStarted(String pool, long queueWaitNanos) {
                waits.add(queueWaitNanos);
            }

            @Override
            public void taskFinished(String pool, long runNanos, boolean failed) {
                runs.add(runNanos);
            }
        }));
        for (int i = 0; i < 3; i++) {
            workers.run(() -> DemoWork.sumBelow(100_000));
        }
        fixture.run();
        WorkerPoolStats stats = workers.stats();
        assertThat(stats.started()).isEqualTo(3);
        assertThat(stats.completed()).isEqualTo(3);
        assertThat(stats.totalRunNanos()).isPositive().isEqualTo(runs.stream().mapToLong(Long::longValue).sum());
        assertThat(stats.maxRunNanos()).isEqualTo(runs.stream().mapToLong(Long::longValue).max().orElseThrow());
        assertThat(stats.totalQueueWaitNanos()).isEqualTo(waits.stream().mapToLong(Long::longValue).sum());
        assertThat(stats.maxQueueWaitNanos()).isEqualTo(waits.stream().mapToLong(Long::longValue).max().orElseThrow());
        assertThat(stats.meanRunNanos()).isPositive();
        assertThat(stats.toPoolStats().name()).isEqualTo("test");
        assertThat(stats.toPoolStats().completed()).isEqualTo(3);
    }

    @Test
    void threadsAboveTheMinimumEndWhenIdle() {
        Workers workers = pool(WorkerPoolOptions.builder().minThreads(0).maxThreads(2).idleTimeout(Duration.ofMillis(20)));
        CountDownLatch bothRunning = new CountDownLatch(2);
        for (int i = 0; i < 2; i++) {
            workers.run(() -> {
                bothRunning.countDown();
                return bothRunning.await(10, TimeUnit.SECONDS);
            }).then(together -> assertThat(together).isTrue());
        }
        fixture.run();
        assertThat(workers.stats().completed()).isEqualTo(2);
        Await.until("idle threads to end", Duration.ofSeconds(10), () -> workers.stats().threads() == 0);
    }

    @Test
    void closeRejectsQueuedAndRunningTasksAndLaterSubmissions() {
        Workers workers = pool(oneThread(4));
        CountDownLatch interrupted = new CountDownLatch(1);
        AtomicBoolean queuedRan = new AtomicBoolean();
        List<Throwable> errors = Collections.synchronizedList(new ArrayList<>());
        workers.run(() -> {
            loop.execute(workers::close); // close while this task runs and the next one waits
            try {
                release.await();
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
            return "ignored";
        }).onFailure(errors::add);
        workers.run(() -> queuedRan.getAndSet(true)).onFailure(errors::add);
        fixture.run();

        assertThat(errors).hasSize(2).allSatisfy(error -> assertThat(error).isInstanceOf(WorkerPoolClosedException.class));
        assertThat(queuedRan).isFalse();
        Promise<String> late = workers.run(() -> "late");
        assertThat(late.error().orElseThrow()).isInstanceOf(WorkerPoolClosedException.class);
        late.onFailure(error -> { });
        assertThat(awaitQuietly(interrupted)).isTrue();
    }

    @Test
    void runBelongsToTheLoopThread() throws Exception {
        Workers workers = pool(WorkerPoolOptions.builder());
        CompletableFuture<Throwable> thrown = new CompletableFuture<>();
        Thread.ofPlatform().start(() -> {
            try {
                workers.run(() -> 1);
                thrown.complete(null);
            } catch (Throwable t) {
                thrown.complete(t);
            }
        });
        assertThat(thrown.get(10, TimeUnit.SECONDS)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("loop-thread only");
    }

    @Test
    void theSharedPoolServesEveryLoopAndOutlivesClose() {
        Workers shared = Workers.shared(loop);
        shared.close(); // a no-op on the shared pool
        AtomicReference<Integer> value = new AtomicReference<>();
        shared.run(() -> 42).then(value::set);
        fixture.run();
        assertThat(value.get()).isEqualTo(42);
        try (Loop other = Loop.create()) {
            assertThat(Workers.shared(other).stats().name()).isEqualTo("shared");
            assertThat(Workers.shared(other).loop()).isSameAs(other);
        }
    }

    @Test
    void onBindsThePoolToAnotherLoop() throws Exception {
        Workers workers = pool(WorkerPoolOptions.builder());
        try (Loop other = Loop.create()) {
            Workers there = workers.on(other);
            AtomicReference<Boolean> onOther = new AtomicReference<>();
            there.run(() -> 7).then(seven -> onOther.set(other.inLoop()));
            other.run();
            assertThat(onOther.get()).isTrue();
            assertThat(workers.stats().completed()).isEqualTo(1);
        }
    }

    @Test
    void optionsAreChecked() {
        assertThatThrownBy(() -> WorkerPoolOptions.builder().maxThreads(0).build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WorkerPoolOptions.builder().maxThreads(2).minThreads(3).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WorkerPoolOptions.builder().maxQueue(-2).build()).isInstanceOf(IllegalArgumentException.class);
        assertThat(WorkerPoolOptions.builder().maxThreads(4).build().minThreads()).isEqualTo(2);
        assertThat(WorkerPoolOptions.builder().maxQueue(0).build().effectiveMaxQueue()).isZero();
    }

    static boolean awaitQuietly(CountDownLatch latch) {
        try {
            return latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A little CPU work that the JIT cannot fold away. */
    static final class DemoWork {
        static long sumBelow(long n) {
            long sum = 0;
            for (long i = 0; i < n; i++) {
                sum += i ^ (sum >>> 7);
            }
            return sum;
        }
    }
}
