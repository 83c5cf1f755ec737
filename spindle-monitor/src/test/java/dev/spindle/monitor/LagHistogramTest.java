package dev.spindle.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import dev.spindle.loop.Loop;
import dev.spindle.loop.LoopOptions;
import dev.spindle.loop.ManualClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The lag probe and its histogram, under a virtual clock: a callback that "takes" 500 ms makes the probe late. */
class LagHistogramTest {

    private static final long MS = 1_000_000;

    private final ManualClock clock = new ManualClock(42 * MS);

    private LoopMonitor runWithStall(Loop loop) {
        LoopMonitor monitor = LoopMonitor.start(loop, MonitorOptions.builder().clock(clock).watchdog(false).build());
        loop.setTimeout(() -> clock.advance(Duration.ofMillis(500)), 100);
        loop.setTimeout(() -> { }, 700); // keeps the loop, and so the probe, running after the stall
        loop.run();
        return monitor;
    }

    @Test
    void aStallShowsAsLagWithTheProbeRunsItSwallowed() {
        try (Loop loop = Loop.create(LoopOptions.builder().clock(clock).build())) {
            LoopMonitor monitor = runWithStall(loop);
            LagSnapshot lag = monitor.lag().snapshot();

            assertThat(lag.max()).isCloseTo(500 * MS, withinPercentage(1));
            // 9 probe runs before the stall and 10 after it, on time; the late one plus the 49 it swallowed.
            assertThat(lag.count()).isBetween(65L, 72L);
            assertThat(lag.min()).isZero();
            assertThat(lag.p50()).isLessThan(lag.p90());
            assertThat(lag.p99()).isBetween(480 * MS, 505 * MS);
            assertThat(lag.p999()).isGreaterThanOrEqualTo(lag.p99());
            assertThat(lag.mean()).isCloseTo(lag.count() == 0 ? 0 : 255.0 * 50 / lag.count() * MS, withinPercentage(3));
            assertThat(lag.stddev()).isPositive();
            assertThat(monitor.lag().resolution()).isEqualTo(Duration.ofMillis(10));
            assertThat(monitor.lag().window()).isEqualTo(lag);
            monitor.close();
        }
    }

    @Test
    void theWindowForgetsWhatIsOlderThanItsLengthAndResetForgetsEverything() {
        try (Loop loop = Loop.create(LoopOptions.builder().clock(clock).build())) {
            LoopMonitor monitor = runWithStall(loop);
            LagSnapshot before = monitor.lag().snapshot();

            clock.advance(Duration.ofSeconds(61));
            assertThat(monitor.lag().window()).isEqualTo(LagSnapshot.EMPTY);
            assertThat(monitor.lag().snapshot()).isEqualTo(before);

            monitor.lag().reset();
            assertThat(monitor.lag().snapshot()).isEqualTo(LagSnapshot.EMPTY);
            assertThat(monitor.lag().snapshot().count()).isZero();
            monitor.close();
        }
    }

    @Test
    void aLoopThatKeepsUpShowsNoLag() {
        try (Loop loop = Loop.create(LoopOptions.builder().clock(clock).build())) {
            LoopMonitor monitor = LoopMonitor.start(loop, MonitorOptions.builder().clock(clock).watchdog(false).build());
            loop.setTimeout(() -> { }, 1_000);
            loop.run();
            LagSnapshot lag = monitor.lag().snapshot();
            assertThat(lag.count()).isEqualTo(100);
            assertThat(lag.max()).isZero();
            monitor.close();
        }
    }
}
