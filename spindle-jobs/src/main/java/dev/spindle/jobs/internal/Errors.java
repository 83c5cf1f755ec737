package dev.spindle.jobs.internal;

import dev.spindle.loop.RejectedTaskException;
import dev.spindle.jobs.JobQueueFullException;

/** How failures are written into the store, and how a full pool becomes the queue's own rejection. */
final class Errors {

    private Errors() {}

    /** The stored text of an attempt's error: its type and message, no stack. */
    static String describe(Throwable error) {
        String message = error.getMessage();
        return error.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }

    /** A full blocking pool, as the caller of add sees it. */
    static Throwable forCaller(Throwable error) {
        if (error instanceof RejectedTaskException) {
            return new JobQueueFullException("the job was not stored: the loop's blocking pool, which runs the"
                    + " store's calls, is full; retry later", error);
        }
        return error;
    }
}
