package dev.spindle.monitor;

import dev.spindle.loop.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Immutable settings of a {@link LoopMonitor}; build with {@link #builder()}.
 *
 * @param clock the time source; must be the loop's own clock (a {@link dev.spindle.loop.ManualClock}
 *     in tests that give the loop one)
 * @param lagResolution period of the lag probe timer, whole milliseconds, at least 1
 * @param window how far back the lag percentiles and the utilization gauge of {@code /metrics} look
 * @param watchdog whether the watchdog thread looks for blocked callbacks (switch it off to sit in
 *     a debugger on the loop thread in peace)
 * @param blockedThreshold how long one callback may hold the loop before the watchdog reports it
 * @param stackDepth frames of the loop thread's stack kept and logged per block
 * @param topLabels how many labels {@code /metrics}, {@code /status} and the dashboard list by loop time
 * @param history how far back the dashboard's charts reach, one point per second
 * @param shedding when to turn requests away; {@link SheddingOptions#OFF} by default
 */
public record MonitorOptions(
        Clock clock,
        Duration lagResolution,
        Duration window,
        boolean watchdog,
        Duration blockedThreshold,
        int stackDepth,
        int topLabels,
        Duration history,
        SheddingOptions shedding) {

    /** 10 ms, as Node's {@code monitorEventLoopDelay}. */
    public static final Duration DEFAULT_LAG_RESOLUTION = Duration.ofMillis(10);
    /** 60 s. */
    public static final Duration DEFAULT_WINDOW = Duration.ofSeconds(60);
    /** 100 ms: a callback that holds the loop this long is reported. */
    public static final Duration DEFAULT_BLOCKED_THRESHOLD = Duration.ofMillis(100);
    /** 24 frames. */
    public static final int DEFAULT_STACK_DEPTH = 24;
    /** 20 labels. */
    public static final int DEFAULT_TOP_LABELS = 20;
    /** 5 minutes. */
    public static final Duration DEFAULT_HISTORY = Duration.ofMinutes(5);

    /** Every default: watchdog on, shedding off. */
    public static final MonitorOptions DEFAULTS = builder().build();

    public MonitorOptions {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(lagResolution, "lagResolution");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(blockedThreshold, "blockedThreshold");
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(shedding, "shedding");
        if (lagResolution.toMillis() < 1 || lagResolution.toNanos() % 1_000_000 != 0) {
            throw new IllegalArgumentException("lagResolution must be whole milliseconds, at least 1, was " + lagResolution);
        }
        if (window.toSeconds() < 6) {
            throw new IllegalArgumentException("window must be at least 6 s, was " + window);
        }
        if (blockedThreshold.toMillis() < 1) {
            throw new IllegalArgumentException("blockedThreshold must be at least 1 ms, was " + blockedThreshold);
        }
        if (stackDepth < 1 || topLabels < 1) {
            throw new IllegalArgumentException("stackDepth and topLabels must be >= 1");
        }
        if (history.toSeconds() < 10) {
            throw new IllegalArgumentException("history must be at least 10 s, was " + history);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().clock(clock).lagResolution(lagResolution).window(window).watchdog(watchdog)
                .blockedThreshold(blockedThreshold).stackDepth(stackDepth).topLabels(topLabels).history(history)
                .shedding(shedding);
    }

    /** Builds {@link MonitorOptions}; every field starts at its default. */
    public static final class Builder {
        private Clock clock = Clock.system();
        private Duration lagResolution = DEFAULT_LAG_RESOLUTION;
        private Duration window = DEFAULT_WINDOW;
        private boolean watchdog = true;
        private Duration blockedThreshold = DEFAULT_BLOCKED_THRESHOLD;
        private int stackDepth = DEFAULT_STACK_DEPTH;
        private int topLabels = DEFAULT_TOP_LABELS;
        private Duration history = DEFAULT_HISTORY;
        private SheddingOptions shedding = SheddingOptions.OFF;

        private Builder() {}

        /** The loop's clock; pass the same {@link dev.spindle.loop.ManualClock} the loop has. */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public Builder lagResolution(Duration lagResolution) {
            this.lagResolution = lagResolution;
            return this;
        }

        public Builder window(Duration window) {
            this.window = window;
            return this;
        }

        /** Switches the watchdog thread on (the default) or off. */
        public Builder watchdog(boolean watchdog) {
            this.watchdog = watchdog;
            return this;
        }

        public Builder blockedThreshold(Duration blockedThreshold) {
            this.blockedThreshold = blockedThreshold;
            return this;
        }

        public Builder stackDepth(int stackDepth) {
            this.stackDepth = stackDepth;
            return this;
        }

        public Builder topLabels(int topLabels) {
            this.topLabels = topLabels;
            return this;
        }

        public Builder history(Duration history) {
            this.history = history;
            return this;
        }

        public Builder shedding(SheddingOptions shedding) {
            this.shedding = shedding;
            return this;
        }

        /** Turns load shedding on with {@link SheddingOptions#DEFAULTS}: the one line. */
        public Builder shedLoad() {
            return shedding(SheddingOptions.DEFAULTS);
        }

        public MonitorOptions build() {
            return new MonitorOptions(clock, lagResolution, window, watchdog, blockedThreshold, stackDepth, topLabels,
                    history, shedding);
        }
    }
}
