package dev.spindle.jobs;

import dev.spindle.jobs.internal.DefaultJobQueue;
import dev.spindle.jobs.spi.JobStore;
import dev.spindle.loop.Loop;
import dev.spindle.loop.Promise;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A durable job queue: {@link #add} stores a job and answers its id at once, processors run jobs
 * by name on the loop ({@link #process}) or on the worker pool ({@link #processOnWorkers}), and
 * {@link #get} tells a job's state, progress and result by id: the cure for CPU work in a request,
 * when the work must survive a restart or run elsewhere (BullMQ's model, on an embedded SQLite file
 * by default).
 *
 * <p><b>Delivery: at least once.</b> A job's handler runs until one attempt completes or
 * {@link JobOptions#attempts()} attempts have failed. A processor holds a running job under a lease
 * ({@link JobQueueOptions#leaseDuration()}) that its queue renews; if the process dies (or its loop
 * is blocked past the lease), any queue on the same store recovers the job once the lease expires
 * and runs it again, without counting that lost attempt: the job {@linkplain JobEvent.Stalled stalls}.
 * A job may stall {@link JobQueueOptions#maxStalls()} times; one more and it fails. So a handler runs
 * at most {@code attempts + maxStalls} times, and may run again after it did its work but before its
 * outcome was stored: make handlers idempotent. The outcome of a run whose lease was lost is
 * discarded (the store fences it out), so a job completes, with one result, at most once.
 *
 * <p><b>Backpressure.</b> Adds wait in a bounded in-memory hand-off
 * ({@link JobQueueOptions#maxPendingAdds()}) and are stored in batches, one transaction each. A full
 * hand-off, or a full blocking pool (which runs the store's calls), rejects the add promise with
 * {@link JobQueueFullException}: the job was not stored, and the caller knows it. A full worker pool
 * makes a processor give its job back to the store, attempt uncounted, and try again shortly.
 *
 * <p><b>Threads.</b> A queue is bound to one loop: every method is called on that loop's thread,
 * every promise settles there and every event listener runs there. Handlers run on the loop
 * ({@link JobHandler}) or on a worker thread ({@link WorkerJobHandler}), as the method that
 * registers them says. A queue with processors keeps its loop alive until {@link #close()}.
 */
public interface JobQueue {

    /** A queue on the SQLite file {@value SqliteStore#DEFAULT_FILE} in the working directory. */
    static JobQueue open(Loop loop) {
        return open(loop, Path.of(SqliteStore.DEFAULT_FILE));
    }

    /** A queue on the SQLite file {@code file}, with the default options. */
    static JobQueue open(Loop loop, Path file) {
        return open(loop, file, JobQueueOptions.DEFAULTS);
    }

    /** A queue on the SQLite file {@code file}. */
    static JobQueue open(Loop loop, Path file, JobQueueOptions options) {
        return create(loop, SqliteStore.open(loop, file), options);
    }

    /** A queue on {@code store}, which must be bound to {@code loop}; {@link #close()} closes the store. */
    static JobQueue create(Loop loop, JobStore store, JobQueueOptions options) {
        return new DefaultJobQueue(loop, store, options);
    }

    /** {@link #add(String, Object, JobOptions)} with the default options. */
    default Promise<JobId> add(String name, Object payload) {
        return add(name, payload, JobOptions.DEFAULTS);
    }

    /**
     * Stores a job named {@code name} with {@code payload} (anything Jackson writes: a record, a map,
     * a string, null) and answers its id as soon as it is stored, before it runs. With an
     * idempotency key that a stored job has, answers that job's id and stores nothing.
     * Rejects with {@link JobQueueFullException} (the job was not stored) when the queue cannot
     * take it now, and with {@link JobQueueClosedException} after {@link #close()}.
     *
     * @throws IllegalArgumentException when the payload cannot be written as JSON
     */
    Promise<JobId> add(String name, Object payload, JobOptions options);

    /** The job with {@code id} now, or empty if there is none (never added, or removed by retention). */
    Promise<Optional<Job>> get(JobId id);

    /** How many jobs of the store are in each state; every state is a key. */
    Promise<Map<JobState, Long>> counts();

    /**
     * Runs jobs named {@code name}, up to {@code concurrency} at once, with {@code handler} on the
     * loop thread. One processor per name and queue.
     *
     * @throws IllegalStateException when the name already has a processor in this queue
     */
    JobProcessor process(String name, int concurrency, JobHandler handler);

    /**
     * Runs jobs named {@code name}, up to {@code concurrency} at once, with {@code handler} on a
     * worker thread of {@link JobQueueOptions#workers()} (the loop's shared pool by default), for
     * CPU-bound work. One processor per name and queue.
     *
     * @throws IllegalStateException when the name already has a processor in this queue
     */
    JobProcessor processOnWorkers(String name, int concurrency, WorkerJobHandler handler);

    /** Calls {@code listener} on the loop when a job this queue ran completes. */
    JobQueue onCompleted(Consumer<? super JobEvent.Completed> listener);

    /** Calls {@code listener} on the loop when an attempt of a job this queue ran fails. */
    JobQueue onFailed(Consumer<? super JobEvent.Failed> listener);

    /** Calls {@code listener} on the loop when a job this queue runs reports progress. */
    JobQueue onProgress(Consumer<? super JobEvent.Progress> listener);

    /** Calls {@code listener} on the loop when this queue recovers a stalled job. */
    JobQueue onStalled(Consumer<? super JobEvent.Stalled> listener);

    /** The loop the queue is bound to. */
    Loop loop();

    /** The queue's options. */
    JobQueueOptions options();

    /**
     * Stops the processors, waits for running handlers (up to {@link JobQueueOptions#closeTimeout()},
     * then gives their jobs back to the store and cancels them), stores the adds already taken, and
     * closes the store. Later adds reject with {@link JobQueueClosedException}. Idempotent.
     */
    Promise<Void> close();
}
