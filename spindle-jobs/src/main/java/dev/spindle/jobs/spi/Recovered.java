package dev.spindle.jobs.spi;

/**
 * A job {@link JobStore#recoverStalled} took back from an expired lease.
 *
 * @param job the job after recovery: waiting again, or failed
 * @param failed whether it failed for good (it had stalled more than allowed)
 */
public record Recovered(JobRecord job, boolean failed) {}
