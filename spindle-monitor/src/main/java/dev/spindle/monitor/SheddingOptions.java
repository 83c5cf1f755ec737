package dev.spindle.monitor;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * When the monitor's middleware turns new requests away with {@code 503 Service Unavailable} and
 * {@code Retry-After}, instead of letting them join the queue behind a stalled loop. The thresholds
 * are {@code @fastify/under-pressure}'s: event-loop lag, event-loop utilization, heap in use; each
 * is off when zero. Requests for {@link #alwaysAllow()} paths and the monitor's own routes always
 * pass. Off unless {@link MonitorOptions.Builder#shedLoad()} or
 * {@link MonitorOptions.Builder#shedding} turns it on.
 *
 * @param enabled whether requests are ever shed
 * @param maxEventLoopLag shed while the lag's 99th percentile over {@link #window()} is above this;
 *     zero turns the check off
 * @param maxUtilization shed while the event-loop utilization over {@link #window()} is above this
 *     fraction (0..1); zero turns the check off
 * @param maxHeapUsedBytes shed while the heap in use (sampled every second) is above this many
 *     bytes; zero turns the check off
 * @param window how far back the lag and utilization checks look
 * @param retryAfter the {@code Retry-After} a shed request gets, rounded up to whole seconds
 * @param alwaysAllow paths (and everything below them) that are never shed, e.g. {@code /health}
 */
public record SheddingOptions(
        boolean enabled,
        Duration maxEventLoopLag,
        double maxUtilization,
        long maxHeapUsedBytes,
        Duration window,
        Duration retryAfter,
        List<String> alwaysAllow) {

    /** 100 ms: the lag p99 past which requests are shed. */
    public static final Duration DEFAULT_MAX_EVENT_LOOP_LAG = Duration.ofMillis(100);
    /** 0.98, {@code @fastify/under-pressure}'s example value. */
    public static final double DEFAULT_MAX_UTILIZATION = 0.98;
    /** 0: the heap check is off unless asked for. */
    public static final long DEFAULT_MAX_HEAP_USED_BYTES = 0;
    /** 1 s: the lag and utilization checks look this far back. */
    public static final Duration DEFAULT_WINDOW = Duration.ofSeconds(1);
    /** 1 s: by then the window has moved past the stall. */
    public static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);

    /** Shedding on, with the default thresholds. */
    public static final SheddingOptions DEFAULTS = builder().build();

    /** Shedding off: the monitor's default. */
    public static final SheddingOptions OFF = builder().enabled(false).build();

    public SheddingOptions {
        Objects.requireNonNull(maxEventLoopLag, "maxEventLoopLag");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(retryAfter, "retryAfter");
        if (maxEventLoopLag.isNegative()) {
            throw new IllegalArgumentException("maxEventLoopLag must be >= 0, was " + maxEventLoopLag);
        }
        if (!(maxUtilization >= 0 && maxUtilization <= 1)) {
            throw new IllegalArgumentException("maxUtilization must be within 0..1, was " + maxUtilization);
        }
        if (maxHeapUsedBytes < 0) {
            throw new IllegalArgumentException("maxHeapUsedBytes must be >= 0, was " + maxHeapUsedBytes);
        }
        if (window.toMillis() < 10) {
            throw new IllegalArgumentException("window must be at least 10 ms, was " + window);
        }
        if (retryAfter.isNegative() || retryAfter.isZero()) {
            throw new IllegalArgumentException("retryAfter must be positive, was " + retryAfter);
        }
        for (String path : alwaysAllow) {
            if (!path.startsWith("/")) {
                throw new IllegalArgumentException("an allowed path starts with '/': " + path);
            }
        }
        alwaysAllow = List.copyOf(alwaysAllow);
    }

    /** {@code Retry-After} in whole seconds, at least 1. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

    /** A builder holding the defaults, shedding on. */
    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().enabled(enabled).maxEventLoopLag(maxEventLoopLag).maxUtilization(maxUtilization)
                .maxHeapUsedBytes(maxHeapUsedBytes).window(window).retryAfter(retryAfter).alwaysAllow(alwaysAllow);
    }

    /** Builds {@link SheddingOptions}; every field starts at its default, shedding on. */
    public static final class Builder {
        private boolean enabled = true;
        private Duration maxEventLoopLag = DEFAULT_MAX_EVENT_LOOP_LAG;
        private double maxUtilization = DEFAULT_MAX_UTILIZATION;
        private long maxHeapUsedBytes = DEFAULT_MAX_HEAP_USED_BYTES;
        private Duration window = DEFAULT_WINDOW;
        private Duration retryAfter = DEFAULT_RETRY_AFTER;
        private List<String> alwaysAllow = List.of();

        private Builder() {}

        public Builder enabled(boolean enabled) {
            this.enabled = enabled;
            return this;
        }

        /** The lag p99 past which requests are shed; {@link Duration#ZERO} turns the check off. */
        public Builder maxEventLoopLag(Duration maxEventLoopLag) {
            this.maxEventLoopLag = maxEventLoopLag;
            return this;
        }

        /** The utilization (0..1) past which requests are shed; 0 turns the check off. */
        public Builder maxUtilization(double maxUtilization) {
            this.maxUtilization = maxUtilization;
            return this;
        }

        /** The heap in use, in bytes, past which requests are shed; 0 turns the check off. */
        public Builder maxHeapUsedBytes(long maxHeapUsedBytes) {
            this.maxHeapUsedBytes = maxHeapUsedBytes;
            return this;
        }

        public Builder window(Duration window) {
            this.window = window;
            return this;
        }

        public Builder retryAfter(Duration retryAfter) {
            this.retryAfter = retryAfter;
            return this;
        }

        /** Paths never shed, such as health checks; {@code /health} covers {@code /health/live} too. */
        public Builder alwaysAllow(List<String> paths) {
            this.alwaysAllow = paths;
            return this;
        }

        /** {@link #alwaysAllow(List)} of {@code paths}. */
        public Builder alwaysAllow(String... paths) {
            return alwaysAllow(List.of(paths));
        }

        public SheddingOptions build() {
            return new SheddingOptions(enabled, maxEventLoopLag, maxUtilization, maxHeapUsedBytes, window,
                    retryAfter, alwaysAllow);
        }
    }
}
