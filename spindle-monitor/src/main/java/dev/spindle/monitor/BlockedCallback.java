package dev.spindle.monitor;

import java.util.List;

/**
 * What the watchdog knows about one label's blocks of the loop.
 *
 * @param label the dispatch label, e.g. {@code GET /compute}
 * @param count blocks past the threshold
 * @param worstNanos the longest block
 * @param lastNanos the most recent block's duration (so far, if it still runs)
 * @param lastStack the loop thread's stack during the most recent block that was caught running,
 *     innermost frame first
 */
public record BlockedCallback(String label, long count, long worstNanos, long lastNanos, List<StackTraceElement> lastStack) {

    public BlockedCallback {
        lastStack = List.copyOf(lastStack);
    }
}
