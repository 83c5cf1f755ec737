package dev.spindle.load.internal;

import java.time.Duration;
import java.util.Locale;

/** How reports write numbers: durations with a unit that fits, counts with thousands separators, sizes in binary units. */
final class Units {

    private Units() {}

    /** {@code 850 µs}, {@code 1.25 ms}, {@code 3.20 s}: three significant digits or so. */
    static String duration(Duration duration) {
        double nanos = duration.toNanos();
        if (nanos < 1_000) {
            return String.format(Locale.ROOT, "%.0f ns", nanos);
        }
        if (nanos < 1_000_000) {
            return decimals(nanos / 1_000) + " µs";
        }
        if (nanos < 1_000_000_000) {
            return decimals(nanos / 1_000_000) + " ms";
        }
        return decimals(nanos / 1_000_000_000) + " s";
    }

    /** Three significant digits: 1.25, 12.5, 125 (the bounds after rounding, so 9.996 reads 10.0). */
    private static String decimals(double value) {
        return String.format(Locale.ROOT, value < 9.995 ? "%.2f" : value < 99.95 ? "%.1f" : "%.0f", value);
    }

    /** {@code 1,234,567}. */
    static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** {@code 12,345.6}. */
    static String rate(double value) {
        return String.format(Locale.ROOT, "%,.1f", value);
    }

    /** {@code 512 B}, {@code 1.50 KiB}, {@code 3.25 MiB}, {@code 1.10 GiB}. */
    static String bytes(double bytes) {
        if (bytes < 1024) {
            return String.format(Locale.ROOT, "%.0f B", bytes);
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        int unit = -1;
        while (bytes >= 1024 && unit < units.length - 1) {
            bytes /= 1024;
            unit++;
        }
        return decimals(bytes) + " " + units[unit];
    }

    /** Milliseconds with microsecond precision, for JSON. */
    static double millis(Duration duration) {
        return Math.round(duration.toNanos() / 1_000.0) / 1_000.0;
    }
}
