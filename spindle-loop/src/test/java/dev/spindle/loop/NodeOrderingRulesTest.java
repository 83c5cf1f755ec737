package dev.spindle.loop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.loop.spi.LoopObserver;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Node's ordering rules, one named test each (the numbers follow the loop issue's list). */
class NodeOrderingRulesTest {

    private final VirtualLoop v = new VirtualLoop();
    private final Loop loop = v.loop;

    @AfterEach
    void close() {
        v.close();
    }

    @Test
    void rule1_nextTicksRunBeforePromiseMicrotasksAndMicrotasksKeepTheirOrder() {
        loop.setTimeout(() -> {
            Promise<String> resolved = loop.promise();
            resolved.resolve("x");
            resolved.then(x -> v.log.add("A"));
            loop.queueMicrotask(v.record("B"));
            resolved.then(x -> v.log.add("C"));
            loop.nextTick(v.record("tick1"));
            loop.nextTick(v.record("tick2"));
        }, 0);
        loop.run();
        assertThat(v.log).containsExactly("tick1", "tick2", "A", "B", "C");
    }

    @Test
    void rule2_ticksDrainFullyThenMicrotasksAndATickFromAMicrotaskWaitsForItsSiblings() {
        loop.setTimeout(() -> {
            loop.nextTick(() -> {
                v.log.add("tick1");
                loop.nextTick(v.record("tick-from-tick"));
            });
            loop.queueMicrotask(() -> {
                v.log.add("micro1");
                loop.nextTick(v.record("tick-from-micro"));
                loop.queueMicrotask(v.record("micro-from-micro"));
            });
            loop.queueMicrotask(v.record("micro2"));
        }, 0);
        loop.run();
        assertThat(v.log).containsExactly(
                "tick1", "tick-from-tick", "micro1", "micro2", "micro-from-micro", "tick-from-micro");
    }

    @Test
    void rule3_bothQueuesDrainAfterEveryTimerCallback() {
        for (String name : List.of("1", "2")) {
            loop.setTimeout(() -> {
                v.log.add("timer" + name);
                Promise<String> p = loop.promise();
                p.then(x -> v.log.add("promise" + name));
                p.resolve(name);
            }, 0);
        }
        loop.run();
        assertThat(v.log).containsExactly("timer1", "promise1", "timer2", "promise2");
    }

    @Test
    void rule3_bothQueuesDrainAfterEveryImmediate() {
        for (String name : List.of("1", "2")) {
            loop.setImmediate(() -> {
                v.log.add("immediate" + name);
                loop.queueMicrotask(v.record("micro" + name));
                loop.nextTick(v.record("tick" + name));
            });
        }
        loop.run();
        assertThat(v.log).containsExactly("immediate1", "tick1", "micro1", "immediate2", "tick2", "micro2");
    }

    @Test
    void rule4_immediateFromAnIoCallbackRunsBeforeAZeroTimeoutFromTheSameCallback() {
        v.readablePipe(() -> {
            loop.setTimeout(v.record("timeout"), 0);
            loop.setImmediate(v.record("immediate"));
        });
        loop.run();
        assertThat(v.log).containsExactly("immediate", "timeout");
    }

    @Test
    void rule5_equalDelaysFireInCreationOrder() {
        for (int i = 0; i < 10; i++) {
            loop.setTimeout(v.record("t" + i), 5);
        }
        loop.run();
        assertThat(v.log).containsExactly("t0", "t1", "t2", "t3", "t4", "t5", "t6", "t7", "t8", "t9");
    }

    @Test
    void rule5_delaysBelowOneOrAboveTheMaximumBecomeOneMillisecond() {
        List<Long> firedAt = new ArrayList<>();
        Timer zero = loop.setTimeout(() -> firedAt.add(loop.now()), 0);
        Timer negative = loop.setTimeout(() -> firedAt.add(loop.now()), -5);
        Timer huge = loop.setTimeout(() -> firedAt.add(loop.now()), Timer.MAX_DELAY_MILLIS + 1);
        Timer max = loop.setTimeout(() -> firedAt.add(-1L), Timer.MAX_DELAY_MILLIS).unref();
        long start = loop.now();
        loop.run();
        assertThat(List.of(zero.delayMillis(), negative.delayMillis(), huge.delayMillis())).containsOnly(1L);
        assertThat(max.delayMillis()).isEqualTo(Timer.MAX_DELAY_MILLIS);
        assertThat(firedAt).containsExactly(start + 1, start + 1, start + 1);
    }

    @Test
    void rule6_anImmediateQueuedDuringTheCheckPhaseWaitsForTheNextTurn() {
        TurnCounter turns = new TurnCounter();
        dev.spindle.loop.spi.LoopSpi.of(loop).addObserver(turns);
        loop.setImmediate(() -> {
            v.log.add("first@" + turns.turns);
            loop.setImmediate(() -> v.log.add("second@" + turns.turns));
        });
        loop.run();
        assertThat(v.log).containsExactly("first@1", "second@2");
    }

    @Test
    void rule6_aZeroTimeoutScheduledByATimerDoesNotRunInTheSameTimersPhase() {
        TurnCounter turns = new TurnCounter();
        dev.spindle.loop.spi.LoopSpi.of(loop).addObserver(turns);
        loop.setTimeout(() -> {
            v.log.add("outer@" + turns.turns);
            loop.setTimeout(() -> v.log.add("inner@" + turns.turns), 0);
        }, 0);
        v.clock.advanceMillis(1); // the outer timer is due in the first turn
        loop.run();
        assertThat(v.log).hasSize(2);
        assertThat(v.log.get(0)).isEqualTo("outer@1");
        assertThat(v.log.get(1)).isNotEqualTo("inner@1").startsWith("inner@");
    }

    @Test
    void rule7_anUnrefdTimerAloneDoesNotKeepTheLoopAliveAndRefMakesItCountAgain() {
        Timer timer = loop.setTimeout(v.record("fired"), 1_000).unref();
        assertThat(timer.hasRef()).isFalse();
        loop.run();
        assertThat(v.log).isEmpty();
        assertThat(timer.isActive()).isTrue();

        timer.ref();
        loop.run();
        assertThat(v.log).containsExactly("fired");
        assertThat(timer.isActive()).isFalse();
    }

    @Test
    void rule8_aSlowIntervalDoesNotQueueCatchUpRunsAndSurvivesItsCallbackThrowing() {
        List<Long> runs = new ArrayList<>();
        List<Throwable> uncaught = new ArrayList<>();
        loop.onUncaughtException(uncaught::add);
        Timer[] interval = new Timer[1];
        interval[0] = loop.setInterval(() -> {
            runs.add(loop.now());
            v.clock.advanceMillis(250); // the callback takes 2.5 periods
            if (runs.size() == 2) {
                throw new IllegalStateException("boom");
            }
            if (runs.size() == 5) {
                interval[0].close();
            }
        }, 100);
        loop.run();
        assertThat(runs).containsExactly(100L, 350L, 600L, 850L, 1100L);
        assertThat(uncaught).singleElement().satisfies(e -> assertThat(e).hasMessage("boom"));
    }

    @Test
    void rule9_aTimerClearedByAnotherCallbackDueInTheSameTurnDoesNotRun() {
        Timer[] second = new Timer[1];
        loop.setTimeout(() -> {
            v.log.add("first");
            loop.clearTimeout(second[0]);
        }, 10);
        second[0] = loop.setTimeout(v.record("second"), 10);
        loop.run();
        assertThat(v.log).containsExactly("first");
        assertThat(second[0].isActive()).isFalse();
    }

    @Test
    void rule10_executeFromEightThreadsRunsEveryTaskOnceOnTheLoopInPerProducerOrder() throws Exception {
        int producers = 8;
        int perProducer = 100_000;
        int[] lastSeen = new int[producers];
        java.util.Arrays.fill(lastSeen, -1);
        int[] executed = {0};
        List<String> violations = new ArrayList<>();
        Thread loopThread = Thread.currentThread();
        Handle keepAlive = loop.keepAlive();
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            int producer = p;
            threads.add(Thread.ofPlatform().start(() -> {
                awaitQuietly(go);
                for (int i = 0; i < perProducer; i++) {
                    int seq = i;
                    loop.execute(() -> {
                        if (Thread.currentThread() != loopThread || lastSeen[producer] != seq - 1) {
                            violations.add("producer " + producer + " seq " + seq + " after " + lastSeen[producer]);
                        }
                        lastSeen[producer] = seq;
                        if (++executed[0] == producers * perProducer) {
                            keepAlive.close();
                        }
                    });
                }
            }));
        }
        go.countDown();
        loop.run();
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(violations).isEmpty();
        assertThat(executed[0]).isEqualTo(producers * perProducer);
        assertThat(lastSeen).containsOnly(perProducer - 1);
    }

    @Test
    void rule11_offloadedWorkNeverRunsOnTheLoopButItsContinuationAlwaysDoes() {
        Thread loopThread = Thread.currentThread();
        List<Thread> workThreads = new ArrayList<>();
        List<Thread> continuationThreads = new ArrayList<>();
        AtomicInteger sum = new AtomicInteger();
        for (int i = 0; i < 20; i++) {
            int n = i;
            loop.offload(() -> {
                synchronized (workThreads) {
                    workThreads.add(Thread.currentThread());
                }
                return n;
            }).then(value -> {
                continuationThreads.add(Thread.currentThread());
                sum.addAndGet(value);
            });
        }
        loop.run();
        assertThat(workThreads).hasSize(20).doesNotContain(loopThread);
        assertThat(continuationThreads).hasSize(20).containsOnly(loopThread);
        assertThat(sum.get()).isEqualTo(190);
    }

    @Test
    void rule12_aTracedTurnShowsThePhasesInTheDocumentedOrder() {
        List<Phase> phases = new ArrayList<>();
        dev.spindle.loop.spi.LoopSpi.of(loop).addObserver(new LoopObserver() {
            @Override
            public void onPhaseStart(Phase phase, long nanoTime) {
                phases.add(phase);
            }
        });
        loop.setImmediate(() -> {});
        loop.run();
        assertThat(phases).containsExactly(Phase.values());
        assertThat(Phase.values()).containsExactly(
                Phase.TIMERS, Phase.PENDING, Phase.IDLE, Phase.PREPARE, Phase.POLL, Phase.CHECK, Phase.CLOSE);
    }

    @Test
    void rule12_pollNeverBlocksWhileImmediatesAreQueuedAndOtherwiseWaitsForTheNearestTimer() {
        List<String> polls = new ArrayList<>();
        dev.spindle.loop.spi.LoopSpi.of(loop).addObserver(new LoopObserver() {
            long start;

            @Override
            public void onPhaseStart(Phase phase, long nanoTime) {
                if (phase == Phase.POLL) {
                    start = nanoTime;
                }
            }

            @Override
            public void onPhaseEnd(Phase phase, long nanoTime) {
                if (phase == Phase.POLL) {
                    polls.add((nanoTime - start) / 1_000_000 + "ms");
                }
            }
        });
        loop.setTimeout(() -> {}, 50);
        loop.setTimeout(() -> {}, 80);
        loop.setImmediate(() -> {});
        loop.run();
        // turn 1: an immediate is queued, so poll does not wait; turn 2 waits 50 ms for the first
        // timer, turn 3 30 ms more for the second; turn 4, with nothing alive, polls without waiting
        // before run() returns, as libuv does
        assertThat(polls).containsExactly("0ms", "50ms", "30ms", "0ms");
    }

    @Test
    void rule13_recursiveNextTickStarvesIo() {
        int bound = 100_000;
        int[] ticks = {0};
        int[] ticksWhenIoRan = {-1};
        loop.setTimeout(() -> {
            v.readablePipe(() -> ticksWhenIoRan[0] = ticks[0]); // ready from now on
            loop.nextTick(new Runnable() {
                @Override
                public void run() {
                    if (++ticks[0] < bound) {
                        loop.nextTick(this);
                    }
                }
            });
        }, 1);
        v.clock.advanceMillis(1);
        loop.run();
        assertThat(ticksWhenIoRan[0]).as("I/O waited for every tick").isEqualTo(bound);
    }

    @Test
    void rule13_recursiveSetImmediateDoesNotStarveIo() {
        int bound = 100_000;
        int[] immediates = {0};
        int[] immediatesWhenIoRan = {-1};
        loop.setImmediate(new Runnable() {
            @Override
            public void run() {
                if (immediates[0] == 0) {
                    v.readablePipe(() -> immediatesWhenIoRan[0] = immediates[0]); // ready from now on
                }
                if (++immediates[0] < bound && immediatesWhenIoRan[0] < 0) {
                    loop.setImmediate(this);
                }
            }
        });
        loop.run();
        assertThat(immediatesWhenIoRan[0]).as("I/O ran in the very next poll phase").isEqualTo(1);
        assertThat(immediates[0]).isEqualTo(2);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Counts turns by the start of their timers phase. */
    static final class TurnCounter implements LoopObserver {
        int turns;

        @Override
        public void onPhaseStart(Phase phase, long nanoTime) {
            if (phase == Phase.TIMERS) {
                turns++;
            }
        }
    }
}
