package dev.spindle.workers;

import java.time.Duration;

/**
 * A task missed its deadline ({@link TaskOptions#timeout()}, counted from submission, so time spent
 * queued counts): it was removed from the queue, or interrupted if it was running.
 */
public class TaskTimeoutException extends TaskCancelledException {

    private final Duration timeout;

    public TaskTimeoutException(Duration timeout) {
        super("the task missed its deadline of " + timeout.toMillis() + " ms after submission");
        this.timeout = timeout;
    }

    /** The timeout the task was given. */
    public Duration timeout() {
        return timeout;
    }
}
