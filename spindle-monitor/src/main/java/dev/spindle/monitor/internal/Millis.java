package dev.spindle.monitor.internal;

import java.util.List;
import java.util.Locale;

/** Formatting for log lines and documents: durations in milliseconds, stack frames. */
final class Millis {

    private Millis() {}

    static String format(long nanos) {
        return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
    }

    static double of(long nanos) {
        return Math.round(nanos / 1e3) / 1e3;
    }

    /** A frame without its module prefix: {@code com.example.Report.render(Report.java:42)}. */
    static String frame(StackTraceElement frame) {
        String where = frame.isNativeMethod() ? "Native Method"
                : frame.getFileName() == null ? "Unknown Source"
                : frame.getLineNumber() >= 0 ? frame.getFileName() + ":" + frame.getLineNumber()
                : frame.getFileName();
        return frame.getClassName() + "." + frame.getMethodName() + "(" + where + ")";
    }

    static String frames(List<StackTraceElement> stack) {
        StringBuilder text = new StringBuilder();
        for (StackTraceElement frame : stack) {
            text.append(System.lineSeparator()).append("\tat ").append(frame);
        }
        return text.toString();
    }
}
