package dev.spindle.loop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BlockingPoolTest {

    @Test
    void theDefaultPoolHasFourThreadsLikeLibuv() {
        try (Loop loop = Loop.create()) {
            int expected = System.getenv(LoopOptions.THREADPOOL_SIZE_ENV) == null
                    ? LoopOptions.DEFAULT_THREADPOOL_SIZE
                    : Integer.parseInt(System.getenv(LoopOptions.THREADPOOL_SIZE_ENV));
            assertThat(loop.blockingPoolStats().threads()).isEqualTo(expected);
        }
    }

    @Test
    void aFullQueueRejectsWithAClearErrorAndLosesNothingSilently() throws Exception {
        LoopOptions options = LoopOptions.builder().threadPoolSize(1).threadPoolQueueCapacity(2).build();
        try (Loop loop = Loop.create(options)) {
            CountDownLatch release = new CountDownLatch(1);
            CountDownLatch started = new CountDownLatch(1);
            List<String> outcomes = new ArrayList<>();
            List<Promise<String>> promises = new ArrayList<>();
            loop.setImmediate(() -> {
                promises.add(loop.offload(() -> {
                    started.countDown();
                    release.await(10, TimeUnit.SECONDS);
                    return "running";
                }));
                awaitQuietly(started); // the only thread is busy: further work queues
                for (int i = 0; i < 3; i++) {
                    int n = i;
                    promises.add(loop.offload(() -> "queued " + n));
                }
                PoolStats stats = loop.blockingPoolStats();
                outcomes.add("depth " + stats.queueDepth() + " active " + stats.active() + " rejected " + stats.rejected());
                for (Promise<String> p : promises) {
                    p.then(outcomes::add).onFailure(e -> outcomes.add(e.getClass().getSimpleName() + ": " + e.getMessage()));
                }
                release.countDown();
            });
            loop.run();
            assertThat(outcomes.getFirst()).isEqualTo("depth 2 active 1 rejected 1");
            assertThat(outcomes).contains("running", "queued 0", "queued 1");
            assertThat(outcomes).anySatisfy(o -> assertThat(o).startsWith("RejectedTaskException: the blocking pool's queue is full"));
            assertThat(loop.blockingPoolStats().completed()).isEqualTo(3);
            assertThat(loop.blockingPoolStats().maxQueueWaitNanos()).isPositive();
        }
    }

    @Test
    void poolObserversHearOfEveryTaskStartWithItsQueueWait() {
        try (Loop loop = Loop.create()) {
            List<String> seen = java.util.Collections.synchronizedList(new ArrayList<>());
            dev.spindle.loop.spi.PoolObserver observer = (pool, waited) -> seen.add(pool + " " + (waited >= 0));
            dev.spindle.loop.spi.PoolObserver throwing = (pool, waited) -> { throw new IllegalStateException("ignored"); };
            dev.spindle.loop.spi.LoopSpi.of(loop).addPoolObserver(observer);
            dev.spindle.loop.spi.LoopSpi.of(loop).addPoolObserver(throwing);
            List<String> results = new ArrayList<>();
            loop.setImmediate(() -> {
                loop.offload(() -> "a").then(results::add);
                loop.offload(() -> "b").then(results::add);
            });
            loop.run();
            assertThat(results).containsExactlyInAnyOrder("a", "b");
            assertThat(seen).containsExactly("blocking true", "blocking true");

            dev.spindle.loop.spi.LoopSpi.of(loop).removePoolObserver(observer);
            loop.setImmediate(() -> loop.offload(() -> "c"));
            loop.run();
            assertThat(seen).hasSize(2);
        }
    }

    @Test
    void aThrowingTaskRejectsItsPromise() {
        try (Loop loop = Loop.create()) {
            List<Throwable> errors = new ArrayList<>();
            loop.setImmediate(() -> loop.offload(() -> { throw new java.io.IOException("disk gone"); }).onFailure(errors::add));
            loop.run();
            assertThat(errors).singleElement().isInstanceOf(java.io.IOException.class);
        }
    }

    @Test
    void anInFlightOffloadKeepsTheLoopAlive() {
        try (Loop loop = Loop.create()) {
            CountDownLatch gate = new CountDownLatch(1);
            List<String> results = new ArrayList<>();
            loop.setImmediate(() -> {
                loop.offload(() -> {
                    gate.await(10, TimeUnit.SECONDS);
                    return "arrived";
                }).then(results::add);
                Thread.ofPlatform().start(gate::countDown);
            });
            loop.run();
            assertThat(results).containsExactly("arrived");
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
