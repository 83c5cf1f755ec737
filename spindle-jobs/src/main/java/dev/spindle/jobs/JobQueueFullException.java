package dev.spindle.jobs;

/**
 * The queue could not take the job now, so {@link JobQueue#add} rejected it instead of buffering it
 * without bound: the in-memory hand-off to the store held {@link JobQueueOptions#maxPendingAdds()}
 * jobs, or the loop's blocking pool, which runs the store's calls, was full (the cause is then its
 * {@link dev.spindle.loop.RejectedTaskException}). The job was not stored; the caller decides:
 * answer 503, retry later, or shed the work.
 */
public class JobQueueFullException extends JobsException {

    public JobQueueFullException(String message) {
        super(message);
    }

    public JobQueueFullException(String message, Throwable cause) {
        super(message, cause);
    }
}
