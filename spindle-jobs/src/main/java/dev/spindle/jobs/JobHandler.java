package dev.spindle.jobs;

import dev.spindle.loop.Promise;

/**
 * Runs a job on the loop thread, for I/O-bound work: it starts the work and returns its promise,
 * which must not block the loop (CPU work belongs in a {@link WorkerJobHandler}). The promise's value
 * is the job's result (stored as JSON by Jackson; null is fine); a rejection or a thrown exception
 * fails the attempt.
 */
@FunctionalInterface
public interface JobHandler {

    Promise<?> handle(JobContext job) throws Exception;
}
