package dev.spindle.monitor.internal;

import java.util.List;
import java.util.Locale;

/** Formatting for log lines and the dashboard: durations in milliseconds, stack frames one per line. */
final class Millis {

    private Millis() {}

    static String format(long nanos) {
        return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
    }

    static double of(long nanos) {
        return Math.round(nanos / 1e3) / 1e3;
    }

    static String frames(List<StackTraceElement> stack) {
        StringBuilder text = new StringBuilder();
        for (StackTraceElement frame : stack) {
            text.append(System.lineSeparator()).append("\tat ").append(frame);
        }
        return text.toString();
    }
}
