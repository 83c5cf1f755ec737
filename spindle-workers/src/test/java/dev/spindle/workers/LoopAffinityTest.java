package dev.spindle.workers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.loop.Loop;
import dev.spindle.loop.Timer;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A worker that touches a loop-owned object gets a rejection that says so. */
class LoopAffinityTest {

    private final LoopFixture fixture = new LoopFixture();
    private final Loop loop = fixture.loop;
    private Workers workers;

    @AfterEach
    void tearDown() {
        workers.close();
        fixture.close();
    }

    @Test
    void callingALoopThreadMethodFromATaskRejectsWithAClearMessage() {
        workers = Workers.create(loop, WorkerPoolOptions.builder().maxThreads(1).build());
        AtomicReference<Throwable> error = new AtomicReference<>();
        workers.run(() -> loop.setTimeout(() -> { }, 1)).onFailure(error::set);
        fixture.run();
        assertThat(error.get())
                .isInstanceOf(LoopAffinityException.class)
                .hasMessageContaining("a worker task called a loop-thread-only method")
                .hasMessageContaining("must not touch loop-owned objects")
                .hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void debugModeRefusesATaskThatCapturedAHandleBeforeItRuns() {
        workers = Workers.create(loop, WorkerPoolOptions.builder().maxThreads(1).debug(true).build());
        Timer timer = loop.setTimeout(() -> { }, 60_000).unref();
        AtomicBoolean ran = new AtomicBoolean();
        AtomicReference<Throwable> error = new AtomicReference<>();
        workers.run(() -> {
            ran.set(true);
            return timer.isActive();
        }).onFailure(error::set);
        fixture.run();
        timer.close();
        assertThat(error.get())
                .isInstanceOf(LoopAffinityException.class)
                .hasMessageContaining("captured a loop handle")
                .hasMessageContaining("TimerHandle");
        assertThat(ran).isFalse();
        assertThat(workers.stats().started()).isZero();
    }

    @Test
    void debugModeAllowsTheThreadSafeLoopMethods() {
        workers = Workers.create(loop, WorkerPoolOptions.builder().maxThreads(1).debug(true).build());
        AtomicReference<String> progress = new AtomicReference<>();
        AtomicReference<Integer> value = new AtomicReference<>();
        workers.run(() -> {
            loop.execute(() -> progress.set("half way")); // execute is safe from any thread
            return 2;
        }).then(value::set);
        fixture.run();
        assertThat(value.get()).isEqualTo(2);
        assertThat(progress.get()).isEqualTo("half way");
    }
}
