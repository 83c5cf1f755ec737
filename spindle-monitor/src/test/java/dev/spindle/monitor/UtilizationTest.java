package dev.spindle.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.spindle.loop.Loop;
import dev.spindle.loop.LoopOptions;
import dev.spindle.loop.ManualClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Utilization under a virtual clock, so the numbers are exact: the loop is idle while its poll
 * phase waits (here: while the virtual clock jumps to the next timer), active while callbacks run
 * (here: while a callback moves the clock on).
 */
class UtilizationTest {

    private static final long MS = 1_000_000;

    private final ManualClock clock = new ManualClock(5_000 * MS);

    private LoopMonitor monitor(Loop loop) {
        return LoopMonitor.start(loop, MonitorOptions.builder().clock(clock).watchdog(false).build());
    }

    @Test
    void idleIsThePollWaitAndActiveIsTheRest() {
        try (Loop loop = Loop.create(LoopOptions.builder().clock(clock).build())) {
            LoopMonitor monitor = monitor(loop);
            Utilization[] beforeWork = new Utilization[1];
            loop.setTimeout(() -> {
                beforeWork[0] = monitor.utilization();
                clock.advance(Duration.ofMillis(30)); // 30 ms of "work"
            }, 100);
            loop.run();

            assertThat(beforeWork[0].idleNanos()).isEqualTo(100 * MS);
            assertThat(beforeWork[0].activeNanos()).isZero();
            assertThat(beforeWork[0].utilization()).isZero();

            Utilization total = monitor.utilization();
            assertThat(total.idleNanos()).isEqualTo(100 * MS);
            assertThat(total.activeNanos()).isEqualTo(30 * MS);
            assertThat(total.utilization()).isCloseTo(30.0 / 130, within(1e-9));
            monitor.close();
        }
    }

    @Test
    void aDeltaCoversOnlyTheTimeBetweenTwoReadings() {
        try (Loop loop = Loop.create(LoopOptions.builder().clock(clock).build())) {
            LoopMonitor monitor = monitor(loop);
            Utilization[] readings = new Utilization[2];
            loop.setTimeout(() -> {
                readings[0] = monitor.utilization();
                clock.advance(Duration.ofMillis(40));
            }, 60);
            loop.setTimeout(() -> readings[1] = monitor.utilization(), 200); // due at 200: 100 ms more of idling

            loop.run();

            Utilization delta = readings[1].since(readings[0]);
            assertThat(delta.activeNanos()).isEqualTo(40 * MS);
            assertThat(delta.idleNanos()).isEqualTo(100 * MS);
            assertThat(delta.utilization()).isCloseTo(40.0 / 140, within(1e-9));
            assertThat(readings[1].since(readings[1]).utilization()).isZero();
            monitor.close();
        }
    }

    @Test
    void utilizationOfNoTimeIsZero() {
        assertThat(Utilization.of(0, 0).utilization()).isZero();
        assertThat(Utilization.of(1, 3).utilization()).isEqualTo(0.75);
    }
}
