package dev.spindle.monitor.internal;

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
 */
final class MonitorObserver implements LoopObserver {

    /** Told when a top-level dispatch held the loop at least the watchdog's threshold. */
    interface BlockEnds {
        void ended(long sequence, String culprit, long nanos);
    }

    private final UtilizationMeter utilization;
    private final PhaseTimes phases;
    private final LabelTimes labels;
    private final BlockState block;
    private final BlockEnds blockEnds;
    private final long thresholdNanos;
    private final PressureWindow pressure;

    private String[] stackLabels = new String[8];
    private long[] stackStarts = new long[8];
    private long[] stackChildNanos = new long[8];
    private int depth;
    private long sequence;
    private String culprit;
    private long culpritNanos;

    MonitorObserver(UtilizationMeter utilization, PhaseTimes phases, LabelTimes labels, BlockState block,
                    BlockEnds blockEnds, long thresholdNanos, PressureWindow pressure) {
        this.utilization = utilization;
        this.phases = phases;
        this.labels = labels;
        this.block = block;
        this.blockEnds = blockEnds;
        this.thresholdNanos = thresholdNanos;
        this.pressure = pressure;
    }

    @Override
    public void onPhaseStart(Phase phase, long nanoTime) {
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
        if (phase == Phase.POLL) {
            endWait(nanoTime);
        }
        phases.phaseEnded(phase, nanoTime);
    }

    @Override
    public void onDispatchStart(String label, long nanoTime) {
        if (depth == 0) {
            endWait(nanoTime); // the first I/O callback of the poll phase ends its wait
            phases.callbackStarted();
            sequence = block.begin(nanoTime);
            culprit = label;
            culpritNanos = -1;
        }
        if (depth == stackLabels.length) {
            grow();
        }
        stackLabels[depth] = label;
        stackStarts[depth] = nanoTime;
        stackChildNanos[depth] = 0;
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
        long total = Math.max(0, nanoTime - stackStarts[depth]);
        long self = Math.max(0, total - stackChildNanos[depth]);
        stackLabels[depth] = null;
        labels.add(ended, self);
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
        stackStarts = Arrays.copyOf(stackStarts, size);
        stackChildNanos = Arrays.copyOf(stackChildNanos, size);
    }
}
