package dev.spindle.jobs;

/** The queue (or its store) is closed: {@link JobQueue#add} and the other calls reject with this. */
public class JobQueueClosedException extends JobsException {

    public JobQueueClosedException(String message) {
        super(message);
    }
}
