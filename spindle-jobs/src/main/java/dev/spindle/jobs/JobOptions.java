package dev.spindle.jobs;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Per-job settings for {@link JobQueue#add(String, Object, JobOptions)}; build with {@link #builder()}.
 * They are stored with the job, so whichever process runs it applies them. Any thread may build them.
 *
 * @param delay how long the job waits ({@link JobState#DELAYED}) before it may run; {@link Duration#ZERO} for none
 * @param attempts how many times the handler may fail before the job is {@link JobState#FAILED}; at least 1
 * @param backoff the wait between a failed attempt and the next
 * @param priority larger runs first; jobs of equal priority run in the order they became ready
 * @param timeout how long one attempt may run before it fails with {@link JobTimeoutException};
 *     {@link Duration#ZERO} for no limit
 * @param idempotencyKey adding a job with a key that a stored job already has answers that job's id
 *     and adds nothing; null for none. The key is free again once retention removes the job
 */
public record JobOptions(
        Duration delay,
        int attempts,
        Backoff backoff,
        int priority,
        Duration timeout,
        String idempotencyKey) {

    /** Attempts by default: one, no retry. */
    public static final int DEFAULT_ATTEMPTS = 1;

    /** Priority by default: 0. */
    public static final int DEFAULT_PRIORITY = 0;

    /** The longest idempotency key, in characters. */
    public static final int MAX_IDEMPOTENCY_KEY_LENGTH = 256;

    /** Run at once, one attempt, no timeout, no key. */
    public static final JobOptions DEFAULTS = builder().build();

    /** Checks the values; see the record's parameters. */
    public JobOptions {
        Objects.requireNonNull(delay, "delay");
        Objects.requireNonNull(backoff, "backoff");
        Objects.requireNonNull(timeout, "timeout");
        if (delay.isNegative() || timeout.isNegative()) {
            throw new IllegalArgumentException("delay and timeout must not be negative: " + delay + ", " + timeout);
        }
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be >= 1, was " + attempts);
        }
        if (idempotencyKey != null && (idempotencyKey.isEmpty() || idempotencyKey.length() > MAX_IDEMPOTENCY_KEY_LENGTH)) {
            throw new IllegalArgumentException("an idempotency key is 1-" + MAX_IDEMPOTENCY_KEY_LENGTH + " characters");
        }
    }

    /** The idempotency key, if set. */
    public Optional<String> key() {
        return Optional.ofNullable(idempotencyKey);
    }

    /** A builder holding the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these options. */
    public Builder toBuilder() {
        return new Builder().delay(delay).attempts(attempts).backoff(backoff).priority(priority)
                .timeout(timeout).idempotencyKey(idempotencyKey);
    }

    /** Builds {@link JobOptions}; every field starts at its default. */
    public static final class Builder {
        private Duration delay = Duration.ZERO;
        private int attempts = DEFAULT_ATTEMPTS;
        private Backoff backoff = Backoff.NONE;
        private int priority = DEFAULT_PRIORITY;
        private Duration timeout = Duration.ZERO;
        private String idempotencyKey;

        private Builder() {}

        /** Wait this long before the job may run. */
        public Builder delay(Duration delay) {
            this.delay = delay;
            return this;
        }

        /** How many times the handler may fail before the job fails. */
        public Builder attempts(int attempts) {
            this.attempts = attempts;
            return this;
        }

        /** The wait between attempts. */
        public Builder backoff(Backoff backoff) {
            this.backoff = backoff;
            return this;
        }

        /** Larger runs first. */
        public Builder priority(int priority) {
            this.priority = priority;
            return this;
        }

        /** The limit of one attempt; zero for none. */
        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /** Adding the same key twice yields the same job. */
        public Builder idempotencyKey(String idempotencyKey) {
            this.idempotencyKey = idempotencyKey;
            return this;
        }

        public JobOptions build() {
            return new JobOptions(delay, attempts, backoff, priority, timeout, idempotencyKey);
        }
    }
}
