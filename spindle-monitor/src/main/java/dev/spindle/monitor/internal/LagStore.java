package dev.spindle.monitor.internal;

import dev.spindle.loop.Clock;
import dev.spindle.monitor.LagHistogram;
import dev.spindle.monitor.LagSnapshot;
import java.time.Duration;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.SingleWriterRecorder;

/**
 * The lag histograms. The probe records on the loop thread into a {@link SingleWriterRecorder}
 * (wait-free for the writer); readers flush it, under this object's lock, into three views: since
 * the last reset, the sliding window (six ages, so it reaches between five and six sixths of the
 * window back), and the current second for the dashboard.
 */
final class LagStore implements LagHistogram {

    /** The histograms count whole microseconds: a lag below 1 µs reads as exactly 0. */
    static final long UNIT_NANOS = 1_000;
    /** 1 h: longer lags are recorded as 1 h. */
    static final long HIGHEST_NANOS = 3_600_000_000_000L;
    /** Two significant digits: within 1%, and about 28 KB per histogram. */
    static final int DIGITS = 2;
    private static final int AGES = 6;

    private final Clock clock;
    private final Duration resolution;
    private final long resolutionNanos;
    private final long ageNanos;
    private final SingleWriterRecorder recorder = new SingleWriterRecorder(1, HIGHEST_NANOS / UNIT_NANOS, DIGITS);
    private final Histogram sinceReset = histogram();
    private final Histogram second = histogram();
    private final Histogram merged = histogram();
    private final Histogram[] ages = new Histogram[AGES];
    private Histogram interval;
    private int age;
    private long ageStart;

    LagStore(Clock clock, Duration resolution, Duration window) {
        this.clock = clock;
        this.resolution = resolution;
        this.resolutionNanos = resolution.toNanos();
        this.ageNanos = window.toNanos() / AGES;
        for (int i = 0; i < AGES; i++) {
            ages[i] = histogram();
        }
        this.ageStart = clock.nanoTime();
    }

    /** A histogram of microseconds up to an hour: record {@link #units} of a duration, read {@link #nanos}. */
    static Histogram histogram() {
        return new Histogram(1, HIGHEST_NANOS / UNIT_NANOS, DIGITS);
    }

    static long units(long nanos) {
        return Math.clamp(nanos, 0, HIGHEST_NANOS) / UNIT_NANOS;
    }

    static long nanos(long units) {
        return units * UNIT_NANOS;
    }

    /**
     * Loop thread: the probe ran {@code lateNanos} late. A lag of several periods also records the
     * probe runs it swallowed (coordinated-omission correction).
     */
    void record(long lateNanos) {
        recorder.recordValueWithExpectedInterval(units(lateNanos), units(resolutionNanos));
    }

    @Override
    public synchronized LagSnapshot snapshot() {
        flush();
        return snapshotOf(sinceReset);
    }

    @Override
    public synchronized LagSnapshot window() {
        flush();
        merged.reset();
        for (Histogram h : ages) {
            merged.add(h);
        }
        return snapshotOf(merged);
    }

    /** The samples since the previous call, for the dashboard's per-second point. */
    synchronized LagSnapshot takeSecond() {
        flush();
        LagSnapshot snapshot = snapshotOf(second);
        second.reset();
        return snapshot;
    }

    @Override
    public synchronized void reset() {
        flush();
        sinceReset.reset();
        second.reset();
        for (Histogram h : ages) {
            h.reset();
        }
    }

    @Override
    public Duration resolution() {
        return resolution;
    }

    private void flush() {
        interval = recorder.getIntervalHistogram(interval);
        sinceReset.add(interval);
        second.add(interval);
        ages[age].add(interval);
        long steps = (clock.nanoTime() - ageStart) / ageNanos;
        if (steps > 0) {
            for (long i = 0; i < Math.min(steps, AGES); i++) {
                age = (age + 1) % AGES;
                ages[age].reset();
            }
            ageStart += steps * ageNanos;
        }
    }

    static LagSnapshot snapshotOf(Histogram h) {
        if (h.getTotalCount() == 0) {
            return LagSnapshot.EMPTY;
        }
        return new LagSnapshot(h.getTotalCount(), nanos(h.getMinValue()), nanos(h.getMaxValue()),
                h.getMean() * UNIT_NANOS, h.getStdDeviation() * UNIT_NANOS,
                nanos(h.getValueAtPercentile(50)), nanos(h.getValueAtPercentile(90)),
                nanos(h.getValueAtPercentile(99)), nanos(h.getValueAtPercentile(99.9)));
    }
}
