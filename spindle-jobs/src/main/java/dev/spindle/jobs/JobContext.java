package dev.spindle.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spindle.workers.Cancellation;

/**
 * What a handler knows about the job it runs, and how it reports progress. Every method may be
 * called from any thread: the loop (a {@link JobHandler}) or a worker thread (a {@link WorkerJobHandler}).
 */
public interface JobContext {

    /** The job's id. */
    JobId id();

    /** The job's name. */
    String name();

    /** The payload as JSON. */
    JsonNode payload();

    /** The payload converted to {@code type} by Jackson (the type must be readable by Jackson). */
    <T> T payload(Class<T> type);

    /** This attempt's number: 1 for the first. */
    int attempt();

    /** How many attempts the job may make. */
    int maxAttempts();

    /**
     * Reports progress: a number (e.g. a percentage) or any value Jackson can write. It is stored
     * with the job ({@link JobQueue#get} shows the latest) and a {@link JobEvent.Progress} event
     * follows on the loop. Updates faster than the store writes are coalesced (the latest wins in
     * the store; every event is delivered). Ignored once the attempt has ended. Any thread.
     */
    void progress(Object value);

    /**
     * Cancelled when this attempt no longer counts: its {@link JobOptions#timeout()} passed (reason
     * {@link JobTimeoutException}) or the queue was closed past its deadline. A worker handler's
     * thread is interrupted as well; a loop handler should listen and stop its work.
     */
    Cancellation cancellation();
}
