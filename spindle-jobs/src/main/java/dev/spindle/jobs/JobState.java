package dev.spindle.jobs;

/**
 * Where a job is in its life. A job is added {@link #WAITING} (or {@link #DELAYED} with a delay),
 * becomes {@link #ACTIVE} when a processor takes it, and ends {@link #COMPLETED} or {@link #FAILED}.
 * A failed attempt with attempts left goes back to {@link #DELAYED} (its backoff) or
 * {@link #WAITING}; so does a stalled job, whose processor died with it.
 */
public enum JobState {

    /** Ready to run: waits for a processor. */
    WAITING,

    /** Runs later: its delay or retry backoff has not passed yet. */
    DELAYED,

    /** A processor holds it (under a lease) and its handler runs. */
    ACTIVE,

    /** The handler finished; the job has a result. Final. */
    COMPLETED,

    /** Every attempt failed (or it stalled too often); the job has an error. Final. */
    FAILED;

    /** Whether the job is finished: {@link #COMPLETED} or {@link #FAILED}. */
    public boolean isFinished() {
        return this == COMPLETED || this == FAILED;
    }
}
