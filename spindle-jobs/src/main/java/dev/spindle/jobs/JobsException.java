package dev.spindle.jobs;

/** The base of every exception the jobs module throws or rejects a promise with. Unchecked. */
public class JobsException extends RuntimeException {

    public JobsException(String message) {
        super(message);
    }

    public JobsException(String message, Throwable cause) {
        super(message, cause);
    }
}
