package dev.spindle.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.loop.Loop;
import dev.spindle.loop.LoopOptions;
import dev.spindle.loop.ManualClock;
import dev.spindle.loop.Phase;
import dev.spindle.loop.spi.LoopSpi;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Per-phase time, turns and callbacks, and per-label loop time, under a virtual clock. */
class LoopStatsTest {

    private static final long MS = 1_000_000;

    private final ManualClock clock = new ManualClock();

    @Test
    void timeGoesToTheInnermostLabelAndToThePhaseItRanIn() {
        try (Loop loop = Loop.create(LoopOptions.builder().clock(clock).build())) {
            LoopMonitor monitor = LoopMonitor.start(loop, MonitorOptions.builder().clock(clock).watchdog(false).build());
            LoopSpi spi = LoopSpi.of(loop);
            loop.setTimeout(() -> {
                clock.advanceMillis(5);
                spi.dispatch("GET /inner", () -> clock.advanceMillis(20)); // as an I/O read runs an HTTP route
                clock.advanceMillis(3);
            }, 50);
            loop.setImmediate(() -> clock.advanceMillis(7));

            loop.run();

            List<LabelTime> top = monitor.topLabels(10);
            assertThat(top.getFirst()).isEqualTo(new LabelTime("GET /inner", 20 * MS, 1));
            assertThat(top).filteredOn(t -> t.label().equals("timer"))
                    .singleElement()
                    .satisfies(t -> {
                        assertThat(t.nanos()).isEqualTo(8 * MS);           // 5 + 3: not the inner 20
                        assertThat(t.dispatches()).isGreaterThanOrEqualTo(5); // the probe's runs plus ours
                    });
            assertThat(top).contains(new LabelTime("immediate", 7 * MS, 1));
            assertThat(monitor.topLabels(1)).hasSize(1);

            assertThat(monitor.phaseTimes().get(Phase.TIMERS)).isEqualTo(Duration.ofMillis(28));
            assertThat(monitor.phaseTimes().get(Phase.CHECK)).isEqualTo(Duration.ofMillis(7));
            assertThat(monitor.phaseTimes().get(Phase.POLL)).isEqualTo(Duration.ofMillis(50 - 7)); // the waits
            assertThat(monitor.phaseTimes()).containsKeys(Phase.values());

            assertThat(monitor.turns()).isGreaterThanOrEqualTo(5);
            assertThat(monitor.callbacks()).isGreaterThanOrEqualTo(5);
            assertThat(monitor.callbacks()).isLessThan(monitor.turns() * 3);
            monitor.close();
        }
    }

    @Test
    void closingTheMonitorLetsTheLoopEndAndStopsCounting() {
        try (Loop loop = Loop.create(LoopOptions.builder().clock(clock).build())) {
            LoopMonitor monitor = LoopMonitor.start(loop, MonitorOptions.builder().clock(clock).watchdog(false).build());
            loop.setTimeout(() -> { }, 30);
            loop.run(); // the probe and the ticker are unreferenced: the loop ends after the timeout
            long turns = monitor.turns();
            monitor.close();
            loop.setTimeout(() -> { }, 30);
            loop.run();
            assertThat(monitor.turns()).isEqualTo(turns);
        }
    }

    @Test
    void theMonitorStartsOnTheLoopThreadOnly() throws Exception {
        try (Loop loop = Loop.create(LoopOptions.builder().clock(clock).build())) {
            Throwable[] failure = new Throwable[1];
            Thread other = Thread.ofPlatform().start(() -> {
                try {
                    LoopMonitor.start(loop);
                } catch (Throwable t) {
                    failure[0] = t;
                }
            });
            other.join();
            assertThat(failure[0]).isInstanceOf(IllegalStateException.class).hasMessageContaining("loop thread");
        }
    }
}
