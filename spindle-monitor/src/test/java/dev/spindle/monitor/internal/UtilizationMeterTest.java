package dev.spindle.monitor.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.loop.ManualClock;
import dev.spindle.monitor.Utilization;
import org.junit.jupiter.api.Test;

class UtilizationMeterTest {

    private static final long MS = 1_000_000;

    @Test
    void aWaitStillGoingOnCountsAsIdleUpToTheReading() {
        ManualClock clock = new ManualClock(77 * MS);
        UtilizationMeter meter = new UtilizationMeter(clock);
        clock.advanceMillis(10);                 // 10 ms active
        meter.waitStarted(clock.nanoTime());
        clock.advanceMillis(25);                 // 25 ms into a wait
        Utilization during = meter.read();
        assertThat(during.idleNanos()).isEqualTo(25 * MS);
        assertThat(during.activeNanos()).isEqualTo(10 * MS);

        clock.advanceMillis(5);
        assertThat(meter.waitEnded(clock.nanoTime())).isEqualTo(30 * MS);
        clock.advanceMillis(20);                 // 20 ms active again
        Utilization after = meter.read();
        assertThat(after.idleNanos()).isEqualTo(30 * MS);
        assertThat(after.activeNanos()).isEqualTo(30 * MS);
        assertThat(after.utilization()).isEqualTo(0.5);
        assertThat(meter.waitEnded(clock.nanoTime())).as("no wait in progress").isZero();
    }
}
