package dev.spindle.jobs.spi;

import dev.spindle.jobs.JobId;
import java.util.Objects;

/**
 * The right to settle one attempt of an active job, handed out by {@link JobStore#claim}. The token
 * is unique per claim, so it fences out a processor whose lease expired: once the job was recovered
 * (and perhaps claimed again), every call with the old lease changes nothing and answers false.
 *
 * @param id the job
 * @param token this claim's unique token
 */
public record Lease(JobId id, String token) {

    public Lease {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(token, "token");
    }
}
