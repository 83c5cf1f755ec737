package dev.spindle.jobs;

import dev.spindle.workers.Workers;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Immutable settings of a {@link JobQueue}; build with {@link #builder()}. Any thread may build them.
 *
 * @param leaseDuration how long a claimed job stays this process's without a renewal; the queue
 *     renews the leases of its running jobs every third of it. A job whose lease expires (its
 *     process died, or its loop was blocked that long) is recovered by any queue on the store
 * @param stalledInterval how often a queue with processors looks for expired leases
 * @param maxStalls how often a job may stall and be recovered before it fails for good
 * @param pollInterval how often an idle processor asks the store for jobs; jobs added through this
 *     queue wake it at once, so this bounds the wait only for jobs added by other processes
 * @param maxPendingAdds jobs that may wait in memory for the store before {@link JobQueue#add}
 *     rejects with {@link JobQueueFullException}: the bounded hand-off
 * @param maxAddBatch the most jobs stored in one transaction
 * @param retention how many finished jobs to keep
 * @param workers the pool {@link JobQueue#processOnWorkers} runs handlers on; null for
 *     {@link Workers#shared} of the queue's loop
 * @param closeTimeout how long {@link JobQueue#close()} waits for running handlers before it gives
 *     their jobs back to the store
 */
public record JobQueueOptions(
        Duration leaseDuration,
        Duration stalledInterval,
        int maxStalls,
        Duration pollInterval,
        int maxPendingAdds,
        int maxAddBatch,
        Retention retention,
        Workers workers,
        Duration closeTimeout) {

    /** Lease of a running job, by default: 30 seconds. */
    public static final Duration DEFAULT_LEASE_DURATION = Duration.ofSeconds(30);

    /** How often to look for expired leases, by default: every 15 seconds. */
    public static final Duration DEFAULT_STALLED_INTERVAL = Duration.ofSeconds(15);

    /** Stalls allowed before a job fails, by default: 1 (BullMQ's {@code maxStalledCount}). */
    public static final int DEFAULT_MAX_STALLS = 1;

    /** How often an idle processor polls the store, by default: every second. */
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(1);

    /** Jobs waiting in memory for the store, by default: 1,024. */
    public static final int DEFAULT_MAX_PENDING_ADDS = 1_024;

    /** Jobs per store transaction, by default: 256. */
    public static final int DEFAULT_MAX_ADD_BATCH = 256;

    /** How long close waits for running handlers, by default: 30 seconds. */
    public static final Duration DEFAULT_CLOSE_TIMEOUT = Duration.ofSeconds(30);

    /** Every setting at its default. */
    public static final JobQueueOptions DEFAULTS = builder().build();

    /** Checks the values; see the record's parameters. */
    public JobQueueOptions {
        Objects.requireNonNull(retention, "retention");
        positive("leaseDuration", leaseDuration);
        positive("stalledInterval", stalledInterval);
        positive("pollInterval", pollInterval);
        Objects.requireNonNull(closeTimeout, "closeTimeout");
        if (closeTimeout.isNegative()) {
            throw new IllegalArgumentException("closeTimeout must not be negative, was " + closeTimeout);
        }
        if (leaseDuration.toMillis() < 30) {
            throw new IllegalArgumentException("leaseDuration must be at least 30 ms, was " + leaseDuration);
        }
        if (maxStalls < 0) {
            throw new IllegalArgumentException("maxStalls must be >= 0, was " + maxStalls);
        }
        if (maxPendingAdds < 1 || maxAddBatch < 1) {
            throw new IllegalArgumentException("maxPendingAdds and maxAddBatch must be >= 1: " + maxPendingAdds + ", " + maxAddBatch);
        }
    }

    private static void positive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }

    /** The worker pool, if one was set. */
    public Optional<Workers> workerPool() {
        return Optional.ofNullable(workers);
    }

    /** A builder holding the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these options. */
    public Builder toBuilder() {
        return new Builder().leaseDuration(leaseDuration).stalledInterval(stalledInterval).maxStalls(maxStalls)
                .pollInterval(pollInterval).maxPendingAdds(maxPendingAdds).maxAddBatch(maxAddBatch)
                .retention(retention).workers(workers).closeTimeout(closeTimeout);
    }

    /** Builds {@link JobQueueOptions}; every field starts at its default. */
    public static final class Builder {
        private Duration leaseDuration = DEFAULT_LEASE_DURATION;
        private Duration stalledInterval = DEFAULT_STALLED_INTERVAL;
        private int maxStalls = DEFAULT_MAX_STALLS;
        private Duration pollInterval = DEFAULT_POLL_INTERVAL;
        private int maxPendingAdds = DEFAULT_MAX_PENDING_ADDS;
        private int maxAddBatch = DEFAULT_MAX_ADD_BATCH;
        private Retention retention = Retention.DEFAULTS;
        private Workers workers;
        private Duration closeTimeout = DEFAULT_CLOSE_TIMEOUT;

        private Builder() {}

        /** How long a claimed job stays this process's without renewal. */
        public Builder leaseDuration(Duration leaseDuration) {
            this.leaseDuration = leaseDuration;
            return this;
        }

        /** How often to look for expired leases. */
        public Builder stalledInterval(Duration stalledInterval) {
            this.stalledInterval = stalledInterval;
            return this;
        }

        /** Stalls allowed before a job fails. */
        public Builder maxStalls(int maxStalls) {
            this.maxStalls = maxStalls;
            return this;
        }

        /** How often an idle processor polls the store. */
        public Builder pollInterval(Duration pollInterval) {
            this.pollInterval = pollInterval;
            return this;
        }

        /** Jobs that may wait in memory for the store. */
        public Builder maxPendingAdds(int maxPendingAdds) {
            this.maxPendingAdds = maxPendingAdds;
            return this;
        }

        /** Jobs per store transaction. */
        public Builder maxAddBatch(int maxAddBatch) {
            this.maxAddBatch = maxAddBatch;
            return this;
        }

        /** How many finished jobs to keep. */
        public Builder retention(Retention retention) {
            this.retention = retention;
            return this;
        }

        /** The pool for {@link JobQueue#processOnWorkers}; null for the shared one. */
        public Builder workers(Workers workers) {
            this.workers = workers;
            return this;
        }

        /** How long close waits for running handlers. */
        public Builder closeTimeout(Duration closeTimeout) {
            this.closeTimeout = closeTimeout;
            return this;
        }

        public JobQueueOptions build() {
            return new JobQueueOptions(leaseDuration, stalledInterval, maxStalls, pollInterval, maxPendingAdds,
                    maxAddBatch, retention, workers, closeTimeout);
        }
    }
}
