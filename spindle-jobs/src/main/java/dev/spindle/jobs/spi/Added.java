package dev.spindle.jobs.spi;

import dev.spindle.jobs.JobId;

/**
 * The outcome of storing one {@link NewJob}.
 *
 * @param id the stored job's id: the new job's, or, when its idempotency key was taken, the id of
 *     the job that has it
 * @param created whether a new job was stored
 */
public record Added(JobId id, boolean created) {}
