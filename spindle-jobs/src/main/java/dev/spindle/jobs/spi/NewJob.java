package dev.spindle.jobs.spi;

import dev.spindle.jobs.Backoff;
import dev.spindle.jobs.JobId;
import java.util.Objects;

/**
 * A job to store, as the queue hands it to {@link JobStore#add}. Times are epoch milliseconds from
 * the queue's clock; the store never reads a clock of its own.
 *
 * @param id the id to store it under (unless its idempotency key is taken)
 * @param name the job name
 * @param payloadJson the payload as JSON text
 * @param priority larger runs first
 * @param runAt when it may first run
 * @param maxAttempts how many attempts it may make
 * @param backoff the wait between attempts, stored for whichever process runs it
 * @param timeoutMillis the limit of one attempt; 0 for none
 * @param idempotencyKey a key unique among stored jobs, or null
 * @param createdAt when it was added
 */
public record NewJob(
        JobId id,
        String name,
        String payloadJson,
        int priority,
        long runAt,
        int maxAttempts,
        Backoff backoff,
        long timeoutMillis,
        String idempotencyKey,
        long createdAt) {

    public NewJob {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(payloadJson, "payloadJson");
        Objects.requireNonNull(backoff, "backoff");
    }
}
