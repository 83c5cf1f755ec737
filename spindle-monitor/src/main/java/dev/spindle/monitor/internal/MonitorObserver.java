package dev.spindle.monitor.internal;

import dev.spindle.loop.Clock;
import dev.spindle.loop.Phase;
import dev.spindle.loop.spi.LoopObserver;
import java.util.Arrays;

/**
 * The monitor's hook into the loop: turns phase and dispatch boundaries into idle time, phase
 * times, callbacks per turn, loop time per label, and what the watchdog needs to see a block.
 * Loop thread only, and allocation-free in steady state.
 *
 * <p>Time goes to the innermost label running: while an I/O callback ({@code tcp}) dispatches an
 * HTTP route ({@code GET /compute}), the route's time is the route's, and only the rest is the I/O
 * callback's.
 *
 * <p>Clock readings cost more than the rest of the monitor, so it takes few. Top-level dispatches
 * and phases use the loop's shared readings. A nested dispatch is timed with two readings of its
 * own when it is the first under its top-level dispatch, every {@value #SAMPLE_EVERY}th after that,
 * or always when there is no watchdog. The others (pipelined requests after the first in one read)
 * are counted, and their time is the label's mean over its timed dispatches, taken out of the
 * enclosing label's time; one that ran across a watchdog heartbeat (so for a while) is timed from
 * the last reading before it instead, so a slow one is never mistaken for a quick one.
 */
final class MonitorObserver implements LoopObserver {

    /** Told when a top-level dispatch held the loop at least the watchdog's threshold. */
    interface BlockEnds {
        void ended(long sequence, String culprit, long nanos);
    }

    /** Of the nested dispatches under one top-level dispatch, every this many after the first is timed. */
    static final int SAMPLE_EVERY = 16;

    private final Clock clock;
    private final UtilizationMeter utilization;
    private final PhaseTimes phases;
    private final LabelTimes labels;
    private final BlockState block;
    private final BlockEnds blockEnds;
    private final long thresholdNanos;
    private final PressureWindow pressure;
    private final boolean sampling;
    private final RequestLog requests;

    private String[] stackLabels = new String[8];
    private LabelTimes.Counter[] stackCounters = new LabelTimes.Counter[8];
    /** The start reading, or for an untimed dispatch the last reading before it. */
    private long[] stackStarts = new long[8];
    private long[] stackChildNanos = new long[8];
    /** The watchdog heartbeat at the start of an untimed dispatch; {@link #TIMED} for a timed one. */
    private long[] stackBeats = new long[8];
    private int depth;
    private int nestedInTop;
    private long lastReading;
    private long sequence;
    private String culprit;
    private long culpritNanos;

    private static final long TIMED = Long.MIN_VALUE;

    MonitorObserver(Clock clock, UtilizationMeter utilization, PhaseTimes phases, LabelTimes labels, BlockState block,
                    BlockEnds blockEnds, long thresholdNanos, PressureWindow pressure, boolean sampling,
                    RequestLog requests) {
        this.clock = clock;
        this.utilization = utilization;
        this.phases = phases;
        this.labels = labels;
        this.block = block;
        this.blockEnds = blockEnds;
        this.thresholdNanos = thresholdNanos;
        this.pressure = pressure;
        this.sampling = sampling;
        this.requests = requests;
        this.lastReading = clock.nanoTime();
    }

    /** The latest clock reading the monitor got: the start of the request being routed now. Loop thread. */
    long lastReading() {
        return lastReading;
    }

    /** Whether a dispatch is running (so another reading is coming). Loop thread. */
    boolean inDispatch() {
        return depth > 0;
    }

    private void reading(long now) {
        lastReading = now;
        if (requests.pending()) {
            requests.flush(now);
        }
    }

    @Override
    public void onPhaseStart(Phase phase, long nanoTime) {
        reading(nanoTime);
        if (phase == Phase.TIMERS) {
            block.loopThread(Thread.currentThread());
        }
        phases.phaseStarted(phase, nanoTime);
        if (phase == Phase.POLL) {
            utilization.waitStarted(nanoTime);
        }
    }

    @Override
    public void onPhaseEnd(Phase phase, long nanoTime) {
        reading(nanoTime);
        if (phase == Phase.POLL) {
            endWait(nanoTime);
        }
        phases.phaseEnded(phase, nanoTime);
    }

    @Override
    public void onDispatchStart(String label, long nanoTime) {
        if (depth == stackLabels.length) {
            grow();
        }
        long start;
        long beat = TIMED;
        if (depth == 0) {
            start = nanoTime == UNTIMED ? clock.nanoTime() : nanoTime;
            reading(start);
            endWait(start); // the first I/O callback of the poll phase ends its wait
            phases.callbackStarted();
            sequence = block.begin(start);
            culprit = label;
            culpritNanos = -1;
            nestedInTop = 0;
        } else if (!sampling || nestedInTop++ % SAMPLE_EVERY == 0 && stackBeats[depth - 1] == TIMED) {
            start = clock.nanoTime();
            reading(start);
        } else {
            start = lastReading;
            beat = block.heartbeat();
        }
        stackLabels[depth] = label;
        stackCounters[depth] = labels.counter(label);
        stackStarts[depth] = start;
        stackChildNanos[depth] = 0;
        stackBeats[depth] = beat;
        depth++;
        block.label(label);
    }

    @Override
    public void onDispatchEnd(String label, long nanoTime) {
        if (depth == 0) {
            return; // started before the monitor was added
        }
        depth--;
        String ended = stackLabels[depth];
        LabelTimes.Counter counter = stackCounters[depth];
        long beat = stackBeats[depth];
        long total;
        long self;
        if (beat == TIMED || block.heartbeat() != beat) {
            long now = nanoTime != UNTIMED ? nanoTime : clock.nanoTime();
            reading(now);
            total = Math.max(0, now - stackStarts[depth]);
            self = Math.max(0, total - stackChildNanos[depth]);
            if (beat == TIMED) {
                counter.addTimed(self);
            } else {
                counter.add(self);
            }
        } else {
            self = counter.meanTimedNanos();
            total = self + stackChildNanos[depth];
            counter.add(self);
        }
        stackLabels[depth] = null;
        stackCounters[depth] = null;
        if (self > culpritNanos) {
            culprit = ended;
            culpritNanos = self;
        }
        if (depth > 0) {
            stackChildNanos[depth - 1] += total;
            block.label(stackLabels[depth - 1]);
            return;
        }
        block.end();
        block.label(null);
        if (total >= thresholdNanos) {
            blockEnds.ended(sequence, culprit, total);
        }
    }

    /**
     * The monitor closes, perhaps inside a dispatch whose end this observer will not see: records
     * what waits, and lets requests from now on be recorded at once.
     */
    void close() {
        depth = 0;
        Arrays.fill(stackLabels, null);
        Arrays.fill(stackCounters, null);
        if (requests.pending()) {
            requests.flush(clock.nanoTime());
        }
    }

    private void endWait(long now) {
        if (utilization.waiting()) {
            long idle = utilization.waitEnded(now);
            if (pressure != null) {
                pressure.idle(idle, now);
            }
        }
    }

    private void grow() {
        int size = stackLabels.length * 2;
        stackLabels = Arrays.copyOf(stackLabels, size);
        stackCounters = Arrays.copyOf(stackCounters, size);
        stackStarts = Arrays.copyOf(stackStarts, size);
        stackChildNanos = Arrays.copyOf(stackChildNanos, size);
        stackBeats = Arrays.copyOf(stackBeats, size);
    }
}
