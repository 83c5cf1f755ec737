package dev.spindle.monitor.internal;

import dev.spindle.monitor.SheddingOptions;
import java.util.List;

/**
 * The shedding decision, made for each request as it arrives (loop thread): lag p99 over the
 * window, utilization over the window, heap in use at the last sample. Exempt paths always pass.
 */
final class Shedder {

    /** p99 is above the threshold when more than this share of samples is. */
    private static final double ONE_PERCENT = 0.01;

    private final SheddingOptions options;
    private final PressureWindow window;
    private final JvmMetrics jvm;
    private final List<String> exempt;
    private boolean shedding;
    /** The last decision and what it was made from: pipelined requests share a reading. */
    private String reason;
    private long decidedAt;
    private long decidedVersion = -1;
    private long decidedHeap;

    Shedder(SheddingOptions options, PressureWindow window, JvmMetrics jvm, List<String> exempt) {
        this.options = options;
        this.window = window;
        this.jvm = jvm;
        this.exempt = exempt;
    }

    boolean exempt(String path) {
        for (String prefix : exempt) {
            if (prefix.equals("/") || path.equals(prefix)
                    || path.startsWith(prefix) && path.charAt(prefix.length()) == '/') {
                return true;
            }
        }
        return false;
    }

    /**
     * Why a request for {@code path} arriving {@code now} should be shed, or null to let it pass.
     * Exempt paths pass, and neither arm the window nor change {@link #shedding()}; the exemption
     * is only looked up when it matters (the first request, or pressure now or at the last one).
     */
    String check(String path, long now) {
        if (!window.armed() && exempt(path)) {
            return null;
        }
        String reason = verdict(now);
        if (reason == null) {
            if (shedding && !exempt(path)) {
                shedding = false;
            }
            return null;
        }
        if (exempt(path)) {
            return null;
        }
        shedding = true;
        return reason;
    }

    /** Why a request arriving {@code now} should be shed, or null to let it pass. */
    private String verdict(long now) {
        if (!window.armed()) {
            window.arm(now);
        }
        long heap = jvm.sampledHeapUsed();
        if (now == decidedAt && window.version() == decidedVersion && heap == decidedHeap) {
            return reason;
        }
        String reason = null;
        if (!options.maxEventLoopLag().isZero() && window.lagOverFraction(now) > ONE_PERCENT) {
            reason = "lag";
        } else if (options.maxUtilization() > 0 && window.utilization(now) > options.maxUtilization()) {
            reason = "utilization";
        } else if (options.maxHeapUsedBytes() > 0 && heap > options.maxHeapUsedBytes()) {
            reason = "heap";
        }
        this.reason = reason;
        decidedAt = now;
        decidedVersion = window.version();
        decidedHeap = heap;
        return reason;
    }

    /** Whether the last decision was to shed. */
    boolean shedding() {
        return shedding;
    }

    long retryAfterSeconds() {
        return options.retryAfterSeconds();
    }
}
