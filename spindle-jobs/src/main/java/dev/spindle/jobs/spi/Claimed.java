package dev.spindle.jobs.spi;

import java.util.List;
import java.util.OptionalLong;

/**
 * What {@link JobStore#claim} took, and when to look again.
 *
 * @param jobs the jobs now active under this claim, in the order they should start
 * @param nextRunAt the earliest run time of the name's jobs still waiting after this claim
 *     (possibly already due, when the claim hit its limit), or empty when none waits
 */
public record Claimed(List<JobRecord> jobs, OptionalLong nextRunAt) {

    public Claimed {
        jobs = List.copyOf(jobs);
    }
}
