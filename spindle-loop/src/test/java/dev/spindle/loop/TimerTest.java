package dev.spindle.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TimerTest {

    private final VirtualLoop v = new VirtualLoop();
    private final Loop loop = v.loop;

    @AfterEach
    void close() {
        v.close();
    }

    @Test
    void aTimeoutFiresOnceAtItsDeadlineOnTheVirtualClock() {
        List<Long> firedAt = new ArrayList<>();
        Timer timer = loop.setTimeout(() -> firedAt.add(loop.now()), Duration.ofSeconds(30));
        assertThat(timer.isActive()).isTrue();
        loop.run();
        assertThat(firedAt).containsExactly(30_000L);
        assertThat(timer.isActive()).isFalse();
        assertThat(timer.isInterval()).isFalse();
    }

    @Test
    void virtualTimeStandsStillWhileOffloadedWorkIsInFlight() {
        List<String> events = new ArrayList<>();
        loop.setTimeout(() -> events.add("timer at " + loop.now()), 1_000);
        loop.offload(() -> {
            java.util.concurrent.locks.LockSupport.parkNanos(50_000_000); // a slow blocking call, 50 ms of real time
            return "done";
        }).then(value -> {
            events.add(value + " at " + loop.now());
            loop.setTimeout(() -> events.add("retry at " + loop.now()), 300); // e.g. a backoff after a database call
        });
        loop.run();
        assertThat(events).containsExactly("done at 0", "retry at 300", "timer at 1000");
    }

    @Test
    void timersFireByDeadlineNotCreationOrder() {
        loop.setTimeout(v.record("300"), 300);
        loop.setTimeout(v.record("100"), 100);
        loop.setTimeout(v.record("200"), 200);
        loop.run();
        assertThat(v.log).containsExactly("100", "200", "300");
    }

    @Test
    void refreshRestartsTheCountdownFromNow() {
        List<Long> firedAt = new ArrayList<>();
        Timer timer = loop.setTimeout(() -> firedAt.add(loop.now()), 100);
        loop.setTimeout(timer::refresh, 60);
        loop.run();
        assertThat(firedAt).containsExactly(160L);
    }

    @Test
    void refreshReArmsATimeoutThatAlreadyFired() {
        List<Long> firedAt = new ArrayList<>();
        Timer timer = loop.setTimeout(() -> firedAt.add(loop.now()), 100);
        loop.run();
        timer.refresh();
        loop.run();
        assertThat(firedAt).containsExactly(100L, 200L);
    }

    @Test
    void aClosedTimerCannotBeRefreshedAndClearIsIdempotent() {
        Timer timer = loop.setTimeout(v.record("fired"), 100);
        loop.clearTimeout(timer);
        loop.clearTimeout(timer);
        timer.refresh();
        loop.clearTimeout(null);
        loop.run();
        assertThat(v.log).isEmpty();
        assertThat(timer.isClosed()).isTrue();
    }

    @Test
    void anIntervalRepeatsUntilCleared() {
        List<Long> runs = new ArrayList<>();
        Timer[] interval = new Timer[1];
        interval[0] = loop.setInterval(() -> {
            runs.add(loop.now());
            if (runs.size() == 3) {
                loop.clearInterval(interval[0]);
            }
        }, 40);
        loop.run();
        assertThat(runs).containsExactly(40L, 80L, 120L);
        assertThat(interval[0].isInterval()).isTrue();
    }

    @Test
    void aTimerRefreshedWhileDueInTheSameTurnWaitsForItsNewDeadline() {
        List<String> log = v.log;
        Timer[] second = new Timer[1];
        loop.setTimeout(() -> {
            log.add("first@" + loop.now());
            second[0].refresh();
        }, 10);
        second[0] = loop.setTimeout(() -> log.add("second@" + loop.now()), 10);
        loop.run();
        assertThat(log).containsExactly("first@10", "second@20");
    }

    @Test
    void aCallbackSchedulingManyDueTimersCannotTrapTheTimersPhase() {
        int[] fired = {0};
        loop.setTimeout(new Runnable() {
            @Override
            public void run() {
                if (++fired[0] < 1_000) {
                    loop.setTimeout(this, 0);
                }
            }
        }, 0);
        NodeOrderingRulesTest.TurnCounter turns = new NodeOrderingRulesTest.TurnCounter();
        dev.spindle.loop.spi.LoopSpi.of(loop).addObserver(turns);
        loop.run();
        assertThat(fired[0]).isEqualTo(1_000);
        assertThat(turns.turns).isGreaterThanOrEqualTo(1_000);
    }

    @Test
    void timersBelongToTheLoopThread() throws Exception {
        Throwable[] thrown = new Throwable[1];
        Thread other = Thread.ofPlatform().start(() -> {
            try {
                loop.setTimeout(() -> {}, 1);
            } catch (Throwable t) {
                thrown[0] = t;
            }
        });
        other.join();
        assertThat(thrown[0]).isInstanceOf(IllegalStateException.class).hasMessageContaining("execute()");
    }

    @Test
    void immediatesCanBeClearedById() {
        long first = loop.setImmediate(v.record("first"));
        long second = loop.setImmediate(v.record("second"));
        assertThat(loop.clearImmediate(first)).isTrue();
        assertThat(loop.clearImmediate(first)).isFalse();
        loop.run();
        assertThat(v.log).containsExactly("second");
        assertThat(loop.clearImmediate(second)).as("already ran").isFalse();
    }

    @Test
    void aRealClockTimerNeverFiresBeforeItsDelay() {
        try (Loop real = Loop.create()) {
            long[] elapsed = {-1};
            long start = System.nanoTime();
            real.setTimeout(() -> elapsed[0] = System.nanoTime() - start, 20);
            real.run();
            assertThat(elapsed[0]).isGreaterThanOrEqualTo(Duration.ofMillis(19).toNanos());
        }
    }

    @Test
    void delayFulfilsAfterItsTime() {
        List<Long> at = new ArrayList<>();
        loop.delay(75).then(x -> at.add(loop.now()));
        loop.run();
        assertThat(at).containsExactly(75L);
    }

    @Test
    void nullCallbacksAreRejectedAtOnce() {
        assertThatThrownBy(() -> loop.setTimeout(null, 1)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> loop.setImmediate(null)).isInstanceOf(NullPointerException.class);
    }
}
