package dev.spindle.monitor.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PressureWindowTest {

    private static final long MS = 1_000_000;
    private static final long WINDOW = 1_000 * MS;

    @Test
    void aStallCountsWithTheSamplesItSwallowedAndPassesWithTheWindow() {
        PressureWindow window = armed(new PressureWindow(WINDOW, 10 * MS, 100 * MS, 0));
        long now = 0;
        for (int i = 0; i < 100; i++) {
            window.lagSample(MS / 2, now += 10 * MS);
        }
        assertThat(window.lagOverFraction(now)).isZero();

        window.lagSample(400 * MS, now += 410 * MS); // 400, 390, ... 10: 40 samples, 30 of them above 100
        assertThat(window.lagOverFraction(now)).isGreaterThan(0.01);
        // 30 above among the stall's 40 and the 50-odd on-time samples still in the window (the 410 ms moved 4 slots on)
        assertThat(window.lagOverFraction(now)).isBetween(30.0 / (40 + 60), 30.0 / (40 + 45));

        assertThat(window.lagOverFraction(now + WINDOW + 100 * MS)).isZero();
    }

    @Test
    void oneSampleInAHundredAboveTheThresholdIsNotEnough() {
        PressureWindow window = armed(new PressureWindow(WINDOW, 10 * MS, 100 * MS, 0));
        long now = 0;
        for (int i = 0; i < 99; i++) {
            window.lagSample(0, now += 10 * MS);
        }
        window.lagSample(105 * MS, now += 10 * MS); // 105 and the 95 it implies: one above 100
        assertThat(window.lagOverFraction(now)).isLessThanOrEqualTo(0.01);
    }

    @Test
    void utilizationIsTheShareOfTheWindowNotSpentIdle() {
        PressureWindow window = armed(new PressureWindow(WINDOW, 10 * MS, 0, 0));
        long now = 0;
        for (int i = 0; i < 100; i++) {
            now += 10 * MS;
            window.idle(7 * MS, now); // 70% idle
        }
        assertThat(window.utilization(now)).isCloseTo(0.3, within(0.05));
        assertThat(window.lagOverFraction(now)).as("no threshold, no samples").isZero();

        now += 900 * MS; // a 900 ms callback: nothing idle
        window.idle(0, now);
        assertThat(window.utilization(now)).isGreaterThan(0.9);
    }

    @Test
    void aYoungWindowSaysNothingAboutUtilization() {
        PressureWindow window = armed(new PressureWindow(WINDOW, 10 * MS, 0, 0));
        assertThat(window.utilization(500 * MS)).isZero();
    }

    @Test
    void nothingCountsBeforeTheFirstRequestArmsTheWindow() {
        PressureWindow window = new PressureWindow(WINDOW, 10 * MS, 100 * MS, 0);
        window.lagSample(900 * MS, 900 * MS); // start-up work, before any client
        assertThat(window.armed()).isFalse();
        window.arm(901 * MS);
        assertThat(window.lagOverFraction(901 * MS)).isZero();
        window.lagSample(300 * MS, 1_201 * MS);
        assertThat(window.lagOverFraction(1_201 * MS)).isGreaterThan(0.01);
    }

    private static PressureWindow armed(PressureWindow window) {
        window.arm(0);
        return window;
    }
}
