package dev.spindle.workers;

import java.time.Duration;
import java.util.Objects;

/**
 * Per-task settings for {@link Workers#run(java.util.concurrent.Callable, TaskOptions)}; build with
 * {@link #builder()}. Any thread may build them.
 *
 * @param timeout the task's deadline, counted from submission (queue wait included);
 *     {@link Duration#ZERO} for none. Past it a queued task is removed and a running one
 *     interrupted, and the promise rejects with {@link TaskTimeoutException}
 * @param cancellation the token that cancels the task; {@link Cancellation#NONE} for none
 */
public record TaskOptions(Duration timeout, Cancellation cancellation) {

    /** No deadline. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ZERO;

    /** No deadline and no cancellation. */
    public static final TaskOptions DEFAULTS = builder().build();

    /** Checks the values; see the record's parameters. */
    public TaskOptions {
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(cancellation, "cancellation");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative, was " + timeout);
        }
    }

    /** Options with only a deadline. */
    public static TaskOptions ofTimeout(Duration timeout) {
        return builder().timeout(timeout).build();
    }

    /** Options with only a cancellation token. */
    public static TaskOptions ofCancellation(Cancellation cancellation) {
        return builder().cancellation(cancellation).build();
    }

    /** Whether a deadline is set. */
    public boolean hasTimeout() {
        return !timeout.isZero();
    }

    /** A builder holding the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link TaskOptions}; every field starts at its default. */
    public static final class Builder {
        private Duration timeout = DEFAULT_TIMEOUT;
        private Cancellation cancellation = Cancellation.NONE;

        private Builder() {}

        /** The deadline from submission; {@link Duration#ZERO} for none. */
        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /** The token that cancels the task. */
        public Builder cancellation(Cancellation cancellation) {
            this.cancellation = cancellation;
            return this;
        }

        public TaskOptions build() {
            return new TaskOptions(timeout, cancellation);
        }
    }
}
