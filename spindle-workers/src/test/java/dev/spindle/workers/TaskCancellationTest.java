package dev.spindle.workers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.loop.Loop;
import dev.spindle.loop.LoopOptions;
import dev.spindle.loop.Promise;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Cancellation and deadlines: a queued task is removed before it runs, a running one is
 * interrupted, and the promise rejects at once either way.
 */
class TaskCancellationTest {

    private final LoopFixture fixture = new LoopFixture();
    private final Loop loop = fixture.loop;
    private final Workers workers = Workers.create(loop,
            WorkerPoolOptions.builder().name("cancel").minThreads(1).maxThreads(1).maxQueue(8).build());
    /** Holds the one thread busy until the test lets go. */
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void tearDown() {
        release.countDown();
        workers.close();
        fixture.close();
    }

    /** Occupies the only thread until {@link #release}; reports an interrupt to {@code interrupted}. */
    private Promise<String> blocker(CountDownLatch started, CountDownLatch interrupted, TaskOptions options) {
        return workers.run(() -> {
            started.countDown();
            try {
                release.await();
                return "released";
            } catch (InterruptedException e) {
                interrupted.countDown();
                throw e;
            }
        }, options);
    }

    @Test
    void cancellingAQueuedTaskRemovesItBeforeItRuns() {
        CountDownLatch started = new CountDownLatch(1);
        Promise<String> busy = blocker(started, new CountDownLatch(1), TaskOptions.DEFAULTS);
        Cancellation token = Cancellation.create();
        AtomicBoolean queuedRan = new AtomicBoolean();
        Promise<Boolean> queued = workers.run(() -> queuedRan.getAndSet(true), TaskOptions.ofCancellation(token));
        assertThat(workers.stats().queueDepth()).isEqualTo(1);

        token.cancel();

        assertThat(queued.isRejected()).isTrue(); // at once, on the loop thread
        assertThat(queued.error().orElseThrow()).isInstanceOf(TaskCancelledException.class);
        queued.onFailure(error -> { });
        assertThat(workers.stats().queueDepth()).isZero();
        assertThat(workers.stats().cancelled()).isEqualTo(1);

        AtomicReference<String> first = new AtomicReference<>();
        busy.then(first::set);
        loop.setImmediate(release::countDown);
        fixture.run();
        assertThat(first.get()).isEqualTo("released");
        assertThat(queuedRan).isFalse();
        assertThat(workers.stats().completed()).isEqualTo(1);
    }

    @Test
    void cancellingARunningTaskInterruptsIt() {
        Cancellation token = Cancellation.create();
        CountDownLatch interrupted = new CountDownLatch(1);
        AtomicReference<Throwable> error = new AtomicReference<>();
        workers.run(() -> {
            loop.execute(token::cancel); // the cancel arrives on the loop while this task is running
            try {
                release.await();
                return "not interrupted";
            } catch (InterruptedException e) {
                interrupted.countDown();
                throw e;
            }
        }, TaskOptions.ofCancellation(token)).onFailure(error::set);
        fixture.run();

        assertThat(error.get()).isInstanceOf(TaskCancelledException.class).hasMessage("the task was cancelled");
        assertThat(WorkersTest.awaitQuietly(interrupted)).as("the task saw the interrupt").isTrue();
        assertThat(workers.stats().cancelled()).isEqualTo(1);
        assertThat(workers.stats().completed()).isZero();
    }

    @Test
    void anAlreadyCancelledTokenRejectsWithoutQueueing() {
        Cancellation token = Cancellation.create();
        IllegalStateException reason = new IllegalStateException("request aborted");
        token.cancel(reason);
        AtomicBoolean ran = new AtomicBoolean();
        Promise<Boolean> promise = workers.run(() -> ran.getAndSet(true), TaskOptions.ofCancellation(token));
        promise.onFailure(error -> { });
        fixture.run();
        assertThat(promise.error()).containsSame(reason);
        assertThat(ran).isFalse();
        assertThat(workers.stats().started()).isZero();
    }

    @Test
    void aMissedDeadlineRemovesAQueuedTaskAndInterruptsARunningOne() {
        // The loop's clock moves only when this test steps it, so each deadline passes at a chosen point.
        SteppedClock clock = new SteppedClock();
        List<String> order = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch interrupted = new CountDownLatch(1);
        AtomicBoolean queuedRan = new AtomicBoolean();
        try (Loop stepped = Loop.create(LoopOptions.builder().clock(clock).build());
                Workers one = Workers.create(stepped, WorkerPoolOptions.builder().minThreads(1).maxThreads(1).build())) {
            stepped.onUnhandledRejection((promise, error) -> order.add("unhandled " + error));
            one.run(() -> {
                stepped.execute(() -> {               // running now: queue one more, then let its deadline pass
                    one.run(() -> queuedRan.getAndSet(true), TaskOptions.ofTimeout(Duration.ofMillis(30)))
                            .onFailure(error -> {
                                order.add("queued: " + error.getClass().getSimpleName()
                                        + ", depth " + one.stats().queueDepth() + ", active " + one.stats().active());
                                clock.advance(Duration.ofMillis(300)); // now the running task's deadline
                            });
                    clock.advance(Duration.ofMillis(31));
                });
                try {
                    return release.await(10, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    interrupted.countDown();
                    throw e;
                }
            }, TaskOptions.ofTimeout(Duration.ofMillis(300))).onFailure(error -> order.add("running: "
                    + error.getClass().getSimpleName() + " " + error.getMessage()));
            stepped.run();
            assertThat(one.stats().cancelled()).isEqualTo(2);
        }
        assertThat(order).containsExactly(
                "queued: TaskTimeoutException, depth 0, active 1",
                "running: TaskTimeoutException the task missed its deadline of 300 ms after submission");
        assertThat(queuedRan).isFalse();
        assertThat(WorkersTest.awaitQuietly(interrupted)).as("the running task saw the interrupt").isTrue();
    }

    @Test
    void aTaskThatFinishesInTimeClearsItsDeadline() {
        AtomicReference<Integer> value = new AtomicReference<>();
        workers.run(() -> 5, TaskOptions.ofTimeout(Duration.ofSeconds(30))).then(value::set);
        long before = System.nanoTime();
        fixture.run(); // returns as soon as the task settles: the deadline timer no longer keeps the loop alive
        assertThat(value.get()).isEqualTo(5);
        assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void oneTokenCancelsEveryTaskStartedWithIt() {
        Cancellation request = Cancellation.create();
        CountDownLatch interrupted = new CountDownLatch(2);
        java.util.concurrent.atomic.AtomicInteger running = new java.util.concurrent.atomic.AtomicInteger();
        List<Throwable> errors = Collections.synchronizedList(new ArrayList<>());
        try (Workers two = Workers.create(loop, WorkerPoolOptions.builder().minThreads(2).maxThreads(2).build())) {
            for (int i = 0; i < 2; i++) {
                two.run(() -> {
                    if (running.incrementAndGet() == 2) {
                        loop.execute(request::cancel); // both are running: cancel them together
                    }
                    try {
                        return release.await(10, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        interrupted.countDown();
                        throw e;
                    }
                }, TaskOptions.ofCancellation(request)).onFailure(errors::add);
            }
            fixture.run();
        }
        assertThat(errors).hasSize(2).allSatisfy(error -> assertThat(error).isInstanceOf(TaskCancelledException.class));
        assertThat(WorkersTest.awaitQuietly(interrupted)).isTrue();
    }
}
