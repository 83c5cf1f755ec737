package dev.spindle.bench.offload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spindle.loop.Loop;
import dev.spindle.workers.WorkerPoolFullException;
import dev.spindle.workers.WorkerPoolOptions;
import dev.spindle.workers.Workers;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The round-trip shape sends every task, keeps no more than asked outstanding, and never hides a failure. */
class RoundTripsTest {

    @Test
    void runsEveryTaskOnTheWorkerPoolAndTheBlockingPool() {
        try (Loop loop = Loop.create();
                Workers workers = Workers.create(loop, WorkerPoolOptions.builder().maxThreads(2).maxQueue(100).build())) {
            assertThat(new RoundTrips(workers::run).runInside(loop, 1_000, 1)).isEqualTo(1_000);
            assertThat(new RoundTrips(workers::run).runInside(loop, 5_000, 100)).isEqualTo(5_000);
            assertThat(new RoundTrips(loop::offload).runInside(loop, 2_000, 50)).isEqualTo(2_000);
            assertThat(workers.stats().completed()).isEqualTo(6_000);
        }
    }

    @Test
    void keepsAtMostInFlightTasksOutstanding() {
        AtomicInteger outstanding = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        try (Loop loop = Loop.create();
                Workers workers = Workers.create(loop, WorkerPoolOptions.builder().maxThreads(2).maxQueue(100).build())) {
            RoundTrips trips = new RoundTrips(task -> {
                most.accumulateAndGet(outstanding.incrementAndGet(), Math::max);
                return workers.run(task).andFinally(outstanding::decrementAndGet);
            });
            assertThat(trips.runInside(loop, 3_000, 7)).isEqualTo(3_000);
        }
        assertThat(most.get()).isEqualTo(7);
    }

    @Test
    void aRejectedTaskFailsTheRun() {
        try (Loop loop = Loop.create();
                Workers workers = Workers.create(loop, WorkerPoolOptions.builder().maxThreads(1).maxQueue(1).build())) {
            loop.onUnhandledRejection((promise, error) -> { }); // the shape's own promises: it reports the first failure
            RoundTrips trips = new RoundTrips(workers::run);
            assertThatThrownBy(() -> trips.runInside(loop, 1_000, 100))
                    .isInstanceOf(IllegalStateException.class)
                    .hasCauseInstanceOf(WorkerPoolFullException.class);
        }
    }
}
