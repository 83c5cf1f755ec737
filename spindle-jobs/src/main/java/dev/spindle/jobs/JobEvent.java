package dev.spindle.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Optional;

/**
 * What happened to a job, told on the loop thread to the listeners of the queue whose process saw
 * it ({@link JobQueue#onCompleted} and friends). Events are local: another process learns a job's
 * fate through {@link JobQueue#get}.
 */
public sealed interface JobEvent {

    /** The job's id. */
    JobId id();

    /** The job's name. */
    String name();

    /**
     * An attempt finished and its result is stored.
     *
     * @param attempt the attempt that completed, 1 for the first
     * @param result the result as stored (JSON)
     */
    record Completed(JobId id, String name, int attempt, JsonNode result) implements JobEvent {}

    /**
     * An attempt failed and the failure is stored.
     *
     * @param attempt the attempt that failed, 1 for the first
     * @param error the attempt's exception
     * @param retryAt when the next attempt may start, or empty when the job failed for good
     */
    record Failed(JobId id, String name, int attempt, Throwable error, Optional<Instant> retryAt) implements JobEvent {

        /** Whether another attempt follows. */
        public boolean willRetry() {
            return retryAt.isPresent();
        }
    }

    /**
     * The running handler reported progress.
     *
     * @param attempt the reporting attempt
     * @param progress the value reported, as JSON
     */
    record Progress(JobId id, String name, int attempt, JsonNode progress) implements JobEvent {}

    /**
     * The job's lease expired while it was active (its process died, or its loop was blocked past
     * the lease) and this queue recovered it: it waits again, or failed for good past
     * {@link JobQueueOptions#maxStalls()}.
     *
     * @param stalls how often the job has stalled, this time included
     * @param failed whether it failed for good instead of waiting again
     */
    record Stalled(JobId id, String name, int stalls, boolean failed) implements JobEvent {}
}
