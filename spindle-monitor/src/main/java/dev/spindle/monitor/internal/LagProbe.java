package dev.spindle.monitor.internal;

import dev.spindle.loop.Clock;
import dev.spindle.loop.Loop;
import dev.spindle.loop.Timer;

/**
 * The lag probe: an unreferenced interval timer on the loop, every resolution. Each run records how
 * much more than one period has passed since the previous run: the time the loop kept it waiting.
 * Sampled continuously, so the histogram sees stalls whenever they happen, not only when someone
 * scrapes. Loop thread only.
 */
final class LagProbe implements Runnable {

    private final Clock clock;
    private final long resolutionNanos;
    private final LagStore store;
    private final PressureWindow pressure;
    private Timer timer;
    private long last;

    LagProbe(Clock clock, long resolutionNanos, LagStore store, PressureWindow pressure) {
        this.clock = clock;
        this.resolutionNanos = resolutionNanos;
        this.store = store;
        this.pressure = pressure;
    }

    void start(Loop loop) {
        last = clock.nanoTime();
        timer = loop.setInterval(this, resolutionNanos / 1_000_000);
        timer.unref(); // the probe alone must not keep a finished program running
    }

    @Override
    public void run() {
        long now = clock.nanoTime();
        long late = Math.max(0, now - last - resolutionNanos);
        last = now;
        store.record(late);
        if (pressure != null) {
            pressure.lagSample(late, now);
        }
    }

    void close() {
        if (timer != null) {
            timer.close();
        }
    }
}
