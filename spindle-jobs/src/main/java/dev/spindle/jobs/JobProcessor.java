package dev.spindle.jobs;

import dev.spindle.loop.Promise;

/**
 * A processor of one job name, made by {@link JobQueue#process} or {@link JobQueue#processOnWorkers}:
 * it takes up to its concurrency of jobs at a time from the store and runs their handler. Loop
 * thread only.
 */
public interface JobProcessor {

    /** The job name it processes. */
    String name();

    /** How many jobs it runs at once at most. */
    int concurrency();

    /** Jobs it runs now. */
    int active();

    /**
     * Stops taking jobs and settles when the running ones have finished and their outcome is
     * stored. Idempotent.
     */
    Promise<Void> close();
}
