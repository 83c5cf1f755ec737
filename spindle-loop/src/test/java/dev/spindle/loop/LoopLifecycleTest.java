package dev.spindle.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spindle.loop.spi.LoopSpi;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LoopLifecycleTest {

    @Test
    void runReturnsAtOnceWhenNothingIsAlive() {
        try (Loop loop = Loop.create()) {
            loop.run();
            loop.run();
        }
    }

    @Test
    void timersSitAtTheStartOfTheTurnSoADueTimerRunsBeforeTheFirstPoll() throws Exception {
        try (VirtualLoop v = new VirtualLoop()) {
            Pipe pipe = v.readablePipe(v.record("io"));
            v.loop.setTimeout(v.record("timer"), 1);
            v.clock.advanceMillis(1);
            v.loop.run();
            assertThat(v.log).containsExactly("timer", "io");
            pipe.sink().close();
        }
    }

    @Test
    void submitRunsTheTaskOnTheLoopAndHandsBackItsResultOrItsFailure() throws Exception {
        try (Loop loop = Loop.create()) {
            Handle keepAlive = loop.keepAlive();
            Thread thread = loop.start();
            CompletableFuture<Boolean> onLoop = loop.submit(loop::inLoop);
            CompletableFuture<Object> failed = loop.submit(() -> {
                throw new java.io.IOException("no such file");
            });
            CompletableFuture<String> threadName = loop.submit(() -> Thread.currentThread().getName());

            assertThat(onLoop.get(10, TimeUnit.SECONDS)).isTrue();
            assertThat(threadName.get(10, TimeUnit.SECONDS)).isEqualTo(thread.getName());
            assertThat(failed).failsWithin(10, TimeUnit.SECONDS).withThrowableOfType(java.util.concurrent.ExecutionException.class)
                    .havingCause().isInstanceOf(java.io.IOException.class).withMessage("no such file");
            loop.submit(() -> {
                keepAlive.close();
                return null;
            });
            thread.join(10_000);
            assertThat(thread.isAlive()).isFalse();
        }
    }

    @Test
    void currentAndInLoopKnowTheLoopThread() {
        try (Loop loop = Loop.create()) {
            List<Object> seen = new ArrayList<>();
            loop.setImmediate(() -> {
                seen.add(Loop.current());
                seen.add(loop.inLoop());
            });
            loop.run();
            assertThat(seen).containsExactly(loop, true);
            assertThatThrownBy(Loop::current).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void stopFromAnotherThreadEndsAStartedLoop() throws Exception {
        try (Loop loop = Loop.create(LoopOptions.builder().threadName("stop-test").build())) {
            loop.keepAlive();
            CompletableFuture<String> ran = new CompletableFuture<>();
            Thread thread = loop.start();
            loop.execute(() -> ran.complete(Thread.currentThread().getName()));
            assertThat(ran.get(10, TimeUnit.SECONDS)).isEqualTo("stop-test");
            assertThat(loop.inLoop()).isFalse();
            loop.stop();
            thread.join(10_000);
            assertThat(thread.isAlive()).isFalse();
        }
    }

    @Test
    void stopWithinACallbackEndsRunAfterTheTurnAndRunCanResume() {
        try (VirtualLoop v = new VirtualLoop()) {
            Handle keepAlive = v.loop.keepAlive();
            v.loop.setTimeout(() -> {
                v.log.add("stopping");
                v.loop.stop();
            }, 10);
            v.loop.run();
            assertThat(v.log).containsExactly("stopping");
            v.loop.setTimeout(() -> {
                v.log.add("resumed");
                keepAlive.close();
            }, 10);
            v.loop.run();
            assertThat(v.log).containsExactly("stopping", "resumed");
        }
    }

    @Test
    void anIoCallbackRunsInThePollPhaseThroughDispatch() throws Exception {
        try (VirtualLoop v = new VirtualLoop()) {
            List<String> labels = new ArrayList<>();
            LoopSpi.of(v.loop).addObserver(new dev.spindle.loop.spi.LoopObserver() {
                @Override
                public void onDispatchStart(String label, long nanoTime) {
                    labels.add(label);
                }
            });
            Pipe pipe = v.readablePipe(() -> {
                v.log.add("io");
                v.loop.queueMicrotask(v.record("micro"));
            });
            v.loop.run();
            assertThat(v.log).containsExactly("io", "micro");
            assertThat(labels).containsExactly("io");
            pipe.sink().write(ByteBuffer.wrap(new byte[] {2}));
            pipe.sink().close();
        }
    }

    @Test
    void aCloseCallbackRunsInTheClosePhase() {
        try (VirtualLoop v = new VirtualLoop()) {
            List<Phase> phaseOfClose = new ArrayList<>();
            Phase[] current = new Phase[1];
            LoopSpi.of(v.loop).addObserver(new dev.spindle.loop.spi.LoopObserver() {
                @Override
                public void onPhaseStart(Phase phase, long nanoTime) {
                    current[0] = phase;
                }
            });
            v.loop.setImmediate(() -> LoopSpi.of(v.loop).closeLater(() -> phaseOfClose.add(current[0])));
            v.loop.run();
            assertThat(phaseOfClose).containsExactly(Phase.CLOSE);
        }
    }

    @Test
    void ticksQueuedBeforeRunDrainFirstAsAfterANodeScript() {
        try (VirtualLoop v = new VirtualLoop()) {
            v.loop.setImmediate(v.record("immediate"));
            v.loop.nextTick(v.record("tick"));
            v.loop.run();
            assertThat(v.log).containsExactly("tick", "immediate");
        }
    }

    @Test
    void closeWhileRunningIsRefused() {
        try (Loop loop = Loop.create()) {
            Throwable[] thrown = new Throwable[1];
            loop.setImmediate(() -> {
                try {
                    loop.close();
                } catch (Throwable t) {
                    thrown[0] = t;
                }
            });
            loop.run();
            assertThat(thrown[0]).isInstanceOf(IllegalStateException.class);
        }
    }
}
