package dev.spindle.jobs;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How long a failed job waits before its next attempt: none, a fixed delay, or an exponential one
 * ({@code delay * 2^(attempt - 1)}, capped at {@code maxDelay}), optionally with jitter, so that jobs
 * failing together do not all retry at the same instant (BullMQ's backoff options).
 *
 * @param type none, fixed or exponential
 * @param delay the fixed delay, or the first delay of an exponential backoff
 * @param maxDelay the longest delay an exponential backoff reaches; {@link Duration#ZERO} for no cap
 * @param jitter 0 to 1: each delay is drawn uniformly from {@code [delay * (1 - jitter), delay]};
 *     0 means exact delays
 */
public record Backoff(Type type, Duration delay, Duration maxDelay, double jitter) {

    /** Retry at once. */
    public static final Backoff NONE = new Backoff(Type.NONE, Duration.ZERO, Duration.ZERO, 0);

    /** The kind of backoff. */
    public enum Type { NONE, FIXED, EXPONENTIAL }

    /** Checks the values; see the record's parameters. */
    public Backoff {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(delay, "delay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (delay.isNegative() || maxDelay.isNegative()) {
            throw new IllegalArgumentException("backoff delays must not be negative: " + delay + ", " + maxDelay);
        }
        if (!(jitter >= 0 && jitter <= 1)) {
            throw new IllegalArgumentException("jitter must be between 0 and 1, was " + jitter);
        }
    }

    /** The same {@code delay} before every retry. */
    public static Backoff fixed(Duration delay) {
        return new Backoff(Type.FIXED, delay, Duration.ZERO, 0);
    }

    /** {@code initial}, then twice that, four times, and so on, without a cap. */
    public static Backoff exponential(Duration initial) {
        return new Backoff(Type.EXPONENTIAL, initial, Duration.ZERO, 0);
    }

    /** This backoff with delays drawn from {@code [delay * (1 - jitter), delay]}. */
    public Backoff withJitter(double jitter) {
        return new Backoff(type, delay, maxDelay, jitter);
    }

    /** This (exponential) backoff capped at {@code maxDelay}. */
    public Backoff withMaxDelay(Duration maxDelay) {
        return new Backoff(type, delay, maxDelay, jitter);
    }

    /**
     * The wait after the {@code attemptsMade}-th failed attempt (1 for the first failure), with
     * jitter drawn from {@code random}.
     */
    public Duration delayAfter(int attemptsMade, RandomGenerator random) {
        long millis = switch (type) {
            case NONE -> 0;
            case FIXED -> delay.toMillis();
            case EXPONENTIAL -> exponentialMillis(Math.max(1, attemptsMade));
        };
        if (jitter > 0 && millis > 0) {
            millis -= (long) Math.floor(millis * jitter * random.nextDouble());
        }
        return Duration.ofMillis(millis);
    }

    private long exponentialMillis(int attemptsMade) {
        long base = delay.toMillis();
        int shift = Math.min(attemptsMade - 1, 62);
        long millis = base > (Long.MAX_VALUE >> shift) ? Long.MAX_VALUE : base << shift;
        return maxDelay.isZero() ? millis : Math.min(millis, maxDelay.toMillis());
    }
}
