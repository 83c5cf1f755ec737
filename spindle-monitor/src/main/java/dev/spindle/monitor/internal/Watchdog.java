package dev.spindle.monitor.internal;

import dev.spindle.loop.Clock;
import dev.spindle.monitor.LoopBlock;
import java.lang.System.Logger.Level;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * The blocked-loop detector, on a thread of its own (Vert.x's {@code BlockedThreadChecker}): every
 * quarter of the threshold it looks at the loop's current top-level dispatch, and when one has run
 * past the threshold it takes the loop thread's stack while the callback still holds it, counts the
 * block for the innermost label, and warns once. When that dispatch ends, the loop thread hands
 * over the final duration and the watchdog reports it. A block that starts and ends between two
 * looks is still counted, from that hand-over, without a stack.
 */
final class Watchdog implements MonitorObserver.BlockEnds, Runnable {

    private static final System.Logger LOG = System.getLogger("dev.spindle.monitor");
    private static final List<StackTraceElement> NO_STACK = List.of();

    private record Ended(long sequence, String culprit, long nanos) {}

    private final BlockState state;
    private final Clock clock;
    private final long thresholdNanos;
    private final long checkIntervalNanos;
    private final int stackDepth;
    private final BlockedStats stats;
    private final Consumer<LoopBlock> listener;
    private final ConcurrentLinkedQueue<Ended> ends = new ConcurrentLinkedQueue<>();
    private volatile boolean running = true;
    private volatile Thread thread;
    private long warnedSequence = -1;
    private String warnedLabel;

    Watchdog(BlockState state, Clock clock, long thresholdNanos, int stackDepth, BlockedStats stats,
             Consumer<LoopBlock> listener) {
        this.state = state;
        this.clock = clock;
        this.thresholdNanos = thresholdNanos;
        this.checkIntervalNanos = Math.clamp(thresholdNanos / 4, TimeUnit.MILLISECONDS.toNanos(1),
                TimeUnit.MILLISECONDS.toNanos(250));
        this.stackDepth = stackDepth;
        this.stats = stats;
        this.listener = listener;
    }

    void start() {
        thread = Thread.ofPlatform().daemon().name("spindle-watchdog").start(this);
    }

    void close() {
        running = false;
        Thread watching = thread;
        if (watching != null) {
            LockSupport.unpark(watching);
            try {
                watching.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Loop thread: a dispatch that ran past the threshold is over. */
    @Override
    public void ended(long sequence, String culprit, long nanos) {
        ends.add(new Ended(sequence, culprit, nanos));
        Thread watching = thread;
        if (watching != null) {
            LockSupport.unpark(watching);
        }
    }

    @Override
    public void run() {
        while (running) {
            LockSupport.parkNanos(this, checkIntervalNanos);
            state.beat();
            reportEnds();
            look();
        }
        reportEnds();
    }

    private void look() {
        long sequence = state.sequence();
        long start = state.start();
        if (start == BlockState.IDLE || state.sequence() != sequence || sequence == warnedSequence
                || clock.nanoTime() - start < thresholdNanos) {
            return;
        }
        String label = labelOrUnknown(state.label());
        Thread loopThread = state.loopThread();
        StackTraceElement[] frames = loopThread == null ? new StackTraceElement[0] : loopThread.getStackTrace();
        long running = clock.nanoTime() - start;
        // If the dispatch ended while the stack was taken, the stack may show whatever ran next.
        boolean stillBlocked = state.sequence() == sequence && state.start() == start;
        List<StackTraceElement> stack = stillBlocked
                ? List.of(Arrays.copyOf(frames, Math.min(frames.length, stackDepth)))
                : NO_STACK;
        warnedSequence = sequence;
        warnedLabel = label;
        stats.counted(label, running, stack);
        if (LOG.isLoggable(Level.WARNING)) {
            LOG.log(Level.WARNING, "The event loop has been blocked for " + Millis.format(running) + " by '" + label
                    + "' (threshold " + Millis.format(thresholdNanos) + "); the loop thread is at:"
                    + (stack.isEmpty() ? " (it moved on while the stack was taken)" : Millis.frames(stack)));
        }
        tell(new LoopBlock(label, running, stack, false));
    }

    private void reportEnds() {
        Ended end;
        while ((end = ends.poll()) != null) {
            if (end.sequence() == warnedSequence) {
                stats.ended(warnedLabel, end.nanos());
                LOG.log(Level.INFO, "The event loop block by '" + warnedLabel + "' ended after " + Millis.format(end.nanos()));
                tell(new LoopBlock(warnedLabel, end.nanos(), NO_STACK, true));
            } else {
                String label = labelOrUnknown(end.culprit());
                stats.counted(label, end.nanos(), NO_STACK);
                LOG.log(Level.WARNING, "The event loop was blocked for " + Millis.format(end.nanos()) + " by '" + label
                        + "' (threshold " + Millis.format(thresholdNanos) + "); it ended before the watchdog looked");
                tell(new LoopBlock(label, end.nanos(), NO_STACK, true));
            }
        }
    }

    private void tell(LoopBlock block) {
        try {
            listener.accept(block);
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "a blocked-loop listener threw", e);
        }
    }

    private static String labelOrUnknown(String label) {
        return label == null ? "(unknown)" : label;
    }
}
