package dev.spindle.monitor;

import java.util.List;

/**
 * One callback that held the loop past {@link MonitorOptions#blockedThreshold()}, as the watchdog
 * reports it: once while it still runs, with the loop thread's stack, and once when it ends, with
 * the final duration.
 *
 * @param label the dispatch label of the innermost callback running, e.g. {@code GET /compute}
 * @param durationNanos how long it had run when seen (or in all, when {@code ended})
 * @param stack the loop thread's stack while blocked, innermost frame first; empty when the block
 *     ended before the watchdog could look
 * @param ended false for the warning while it runs, true for the report of its end
 */
public record LoopBlock(String label, long durationNanos, List<StackTraceElement> stack, boolean ended) {

    public LoopBlock {
        stack = List.copyOf(stack);
    }
}
