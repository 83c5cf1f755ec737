package dev.spindle.jobs;

/** The store failed to carry out a call (a database error, a broken connection); the cause says why. */
public class JobStoreException extends JobsException {

    public JobStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
