package dev.spindle.jobs;

/**
 * An attempt ran past its {@link JobOptions#timeout()}: the attempt failed with this error (and is
 * retried if attempts are left), the handler's {@link JobContext#cancellation()} was cancelled with
 * it, and whatever the handler produces later is ignored.
 */
public class JobTimeoutException extends JobsException {

    public JobTimeoutException(String message) {
        super(message);
    }
}
