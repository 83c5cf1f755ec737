package dev.spindle.jobs;

import java.time.Duration;
import java.util.Objects;

/**
 * How many finished jobs the store keeps, so it does not grow without bound: the newest
 * {@code keepCompleted} completed and {@code keepFailed} failed jobs, and none older than
 * {@code maxAge} (counted from when they finished). Removal runs after jobs finish; a removed job's
 * {@link JobQueue#get} answers empty, and its idempotency key may be used again.
 *
 * @param keepCompleted completed jobs kept; {@value #KEEP_ALL} for all
 * @param keepFailed failed jobs kept; {@value #KEEP_ALL} for all
 * @param maxAge finished jobs older than this are removed; {@link Duration#ZERO} for no age limit
 */
public record Retention(int keepCompleted, int keepFailed, Duration maxAge) {

    /** Keep every job of that kind. */
    public static final int KEEP_ALL = -1;

    /** Completed jobs kept by default: the newest 1,000. */
    public static final int DEFAULT_KEEP_COMPLETED = 1_000;

    /** Failed jobs kept by default: the newest 10,000, for diagnosis. */
    public static final int DEFAULT_KEEP_FAILED = 10_000;

    /** Finished jobs are kept for at most 7 days by default. */
    public static final Duration DEFAULT_MAX_AGE = Duration.ofDays(7);

    /** The defaults. */
    public static final Retention DEFAULTS = new Retention(DEFAULT_KEEP_COMPLETED, DEFAULT_KEEP_FAILED, DEFAULT_MAX_AGE);

    /** Keep everything. */
    public static final Retention KEEP_EVERYTHING = new Retention(KEEP_ALL, KEEP_ALL, Duration.ZERO);

    /** Checks the values; see the record's parameters. */
    public Retention {
        Objects.requireNonNull(maxAge, "maxAge");
        if (keepCompleted < KEEP_ALL || keepFailed < KEEP_ALL) {
            throw new IllegalArgumentException("keep counts must be >= 0, or -1 for all: " + keepCompleted + ", " + keepFailed);
        }
        if (maxAge.isNegative()) {
            throw new IllegalArgumentException("maxAge must not be negative, was " + maxAge);
        }
    }

    /** Whether these limits never remove anything. */
    public boolean keepsEverything() {
        return keepCompleted == KEEP_ALL && keepFailed == KEEP_ALL && maxAge.isZero();
    }
}
