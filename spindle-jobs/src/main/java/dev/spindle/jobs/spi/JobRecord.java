package dev.spindle.jobs.spi;

import dev.spindle.jobs.Backoff;
import dev.spindle.jobs.JobId;
import dev.spindle.jobs.JobState;
import java.util.Objects;

/**
 * A job as the store keeps it. Times are epoch milliseconds; absent ones are 0.
 *
 * @param id the job's id
 * @param name the job name
 * @param payloadJson the payload as JSON text
 * @param state {@link JobState#WAITING} (also for delayed jobs: see {@code runAt}), {@link JobState#ACTIVE},
 *     {@link JobState#COMPLETED} or {@link JobState#FAILED}; a store never stores {@link JobState#DELAYED}
 * @param priority larger runs first
 * @param runAt when it may run
 * @param attemptsMade attempts started and not given back (see {@link JobStore#recoverStalled})
 * @param maxAttempts how many attempts it may make
 * @param backoff the wait between attempts
 * @param timeoutMillis the limit of one attempt; 0 for none
 * @param stalls how often it was recovered from an expired lease
 * @param idempotencyKey its key, or null
 * @param progressJson the last progress as JSON text, or null
 * @param resultJson the result as JSON text once completed, or null
 * @param error the last failed attempt's error, or null
 * @param leaseToken the current claim's token while active, or null
 * @param leaseOwner who holds the lease while active (for diagnosis), or null
 * @param leaseUntil when the lease expires while active, or 0
 * @param createdAt when it was added
 * @param startedAt when its latest attempt started, or 0
 * @param finishedAt when it completed or failed for good, or 0
 */
public record JobRecord(
        JobId id,
        String name,
        String payloadJson,
        JobState state,
        int priority,
        long runAt,
        int attemptsMade,
        int maxAttempts,
        Backoff backoff,
        long timeoutMillis,
        int stalls,
        String idempotencyKey,
        String progressJson,
        String resultJson,
        String error,
        String leaseToken,
        String leaseOwner,
        long leaseUntil,
        long createdAt,
        long startedAt,
        long finishedAt) {

    public JobRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(payloadJson, "payloadJson");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(backoff, "backoff");
    }

    /** The lease of the current claim. */
    public Lease lease() {
        if (leaseToken == null) {
            throw new IllegalStateException("job " + id + " is not active");
        }
        return new Lease(id, leaseToken);
    }

    /** The state a reader sees at {@code now}: a waiting job whose run time is later is {@link JobState#DELAYED}. */
    public JobState stateAt(long now) {
        return state == JobState.WAITING && runAt > now ? JobState.DELAYED : state;
    }
}
