package dev.spindle.jobs.spi;

import dev.spindle.jobs.JobId;
import dev.spindle.jobs.JobState;
import dev.spindle.jobs.Retention;
import dev.spindle.loop.Loop;
import dev.spindle.loop.Promise;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Where a {@link dev.spindle.jobs.JobQueue} keeps its jobs: the embedded SQLite store by default
 * ({@link dev.spindle.jobs.SqliteStore}), a broker such as Redis for many hosts. The queue holds the
 * policy (when to retry, how long a lease lasts, what to emit); the store holds the state and makes
 * every call atomic, so any number of queues, in any number of processes, may share one store.
 *
 * <p><b>Threads.</b> A store is bound to one {@link Loop}: every method is called on that loop's
 * thread, returns at once, and settles its promise there. A store must not block the loop: the
 * SQLite store runs each call on the loop's blocking pool ({@link Loop#offload}), a network store
 * may use non-blocking I/O. A call the store cannot take now (a full pool) rejects at once.
 *
 * <p><b>Time.</b> Every time is epoch milliseconds passed in by the caller; a store never reads a
 * clock, so a queue on a virtual clock drives it exactly.
 *
 * <p><b>Leases.</b> {@link #claim} makes jobs active under a {@link Lease} whose token is unique per
 * claim. Settling calls ({@link #complete}, {@link #fail}, {@link #release}, {@link #progress},
 * {@link #extendLeases}) act only while the job is active under that very token, and otherwise
 * change nothing and answer false: a processor whose lease expired cannot overwrite what the
 * recovery or the next attempt did.
 *
 * <p>Every store must pass {@code dev.spindle.jobs.spi.JobStoreConformanceTest} (in this module's
 * test-jar): subclass it and create your store in {@code createStore}.
 */
public interface JobStore {

    /**
     * Stores {@code jobs} in one atomic step, in order. A job whose idempotency key a stored job
     * (or an earlier job of the same call) already has is not stored; its {@link Added} carries the
     * holder's id. Answers one {@link Added} per job, in order.
     */
    Promise<List<Added>> add(List<NewJob> jobs);

    /** The job with {@code id}, or empty if there is none (never added, or removed by retention). */
    Promise<Optional<JobRecord>> get(JobId id);

    /**
     * Atomically makes up to {@code max} waiting jobs of {@code name} whose run time is at most
     * {@code now} active: largest priority first, then earliest run time, then the order they were
     * added. Each gets a new lease (owner {@code owner}, until {@code leaseUntil}), one more attempt
     * made, and {@code startedAt = now}. No job is ever handed to two claims.
     */
    Promise<Claimed> claim(String name, int max, String owner, long now, long leaseUntil);

    /** Completes the job with {@code resultJson}, finished at {@code now}; false if the lease is no longer held. */
    Promise<Boolean> complete(Lease lease, String resultJson, long now);

    /**
     * Records a failed attempt with {@code error}. With {@code retryAt}, the job waits again until
     * then; without, it is failed for good, finished at {@code now}. False if the lease is no longer held.
     */
    Promise<Boolean> fail(Lease lease, String error, long now, OptionalLong retryAt);

    /**
     * Gives the job back unrun: waiting again from {@code runAt}, its attempt not counted (e.g. the
     * worker pool was full, or the queue closed). False if the lease is no longer held.
     */
    Promise<Boolean> release(Lease lease, long runAt);

    /** Stores the job's progress; false if the lease is no longer held. */
    Promise<Boolean> progress(Lease lease, String progressJson);

    /**
     * Extends each held lease of {@code leases} to {@code leaseUntil}, in one atomic step; answers
     * the leases that are no longer held (their job was recovered, or settled).
     */
    Promise<List<Lease>> extendLeases(List<Lease> leases, long leaseUntil);

    /**
     * Recovers active jobs whose lease expired ({@code leaseUntil <= now}): their attempt is given
     * back and their stall count goes up by one; a job that had already stalled {@code maxStalls}
     * times fails for good (finished at {@code now}), the others wait again from {@code now}.
     */
    Promise<List<Recovered>> recoverStalled(long now, int maxStalls);

    /** Removes finished jobs beyond {@code retention}, judged at {@code now}; answers how many. */
    Promise<Integer> trim(Retention retention, long now);

    /**
     * How many jobs are in each state at {@code now} (waiting jobs whose run time is later count as
     * {@link JobState#DELAYED}); every state is a key.
     */
    Promise<Map<JobState, Long>> counts(long now);

    /** Releases the store's resources; later calls reject. Idempotent. */
    Promise<Void> close();
}
