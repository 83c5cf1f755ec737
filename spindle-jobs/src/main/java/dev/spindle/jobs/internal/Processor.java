package dev.spindle.jobs.internal;

import dev.spindle.jobs.JobEvent;
import dev.spindle.jobs.JobProcessor;
import dev.spindle.jobs.JobQueueClosedException;
import dev.spindle.jobs.JobTimeoutException;
import dev.spindle.jobs.spi.Claimed;
import dev.spindle.jobs.spi.JobRecord;
import dev.spindle.loop.Loop;
import dev.spindle.loop.Promise;
import dev.spindle.loop.Timer;
import dev.spindle.workers.WorkerPoolFullException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Runs the jobs of one name: claims up to its concurrency from the store, starts each through its
 * {@link Runner}, and settles each attempt in the store (complete, retry with backoff, fail, or give
 * back). It asks the store again when a handler ends, when a job is added here, when the next
 * delayed job is due, and every poll interval.
 *
 * <p>A slot frees when its handler ends, not when the store has the outcome: the claim for the
 * next jobs is issued in the same loop turn as the outcomes, so a group-committing store stores
 * both in one transaction (ack and fetch next). Slots freed in one turn are claimed together, by
 * one claim. The attempt stays active, lease held, until its outcome is stored. Loop thread only.
 */
final class Processor implements JobProcessor {

    /** How a handler is run: on the loop, or on a worker thread. */
    @FunctionalInterface
    interface Runner {
        Promise<?> run(ActiveJob job) throws Exception;
    }

    /** How long a processor waits after the worker pool refused a job before it asks again. */
    static final Duration BUSY_RETRY = Duration.ofMillis(100);

    private final DefaultJobQueue queue;
    private final Loop loop;
    private final String name;
    private final int concurrency;
    private final Runner runner;
    private final Map<String, ActiveJob> active = new LinkedHashMap<>();
    private int settling; // attempts in active whose handler ended, their outcome on its way to the store
    private final Timer pollTimer;
    private final List<Promise<Void>> closeWaiters = new ArrayList<>();
    private Timer wakeTimer;
    private long wakeAt = Long.MAX_VALUE;
    private long busyUntil;
    private boolean claiming;
    private boolean claimAgain;
    private boolean pumpQueued;
    private boolean closed;

    Processor(DefaultJobQueue queue, String name, int concurrency, Runner runner) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be >= 1, was " + concurrency);
        }
        this.queue = queue;
        this.loop = queue.loop();
        this.name = name;
        this.concurrency = concurrency;
        this.runner = runner;
        this.pollTimer = loop.setInterval(this::pump, queue.options().pollInterval().toMillis()); // keeps the loop alive
        loop.setImmediate(this::pump);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int concurrency() {
        return concurrency;
    }

    @Override
    public int active() {
        return running();
    }

    /** Attempts whose handler has not ended: the ones that count against the concurrency. */
    private int running() {
        return active.size() - settling;
    }

    Iterable<ActiveJob> activeJobs() {
        return active.values();
    }

    // ---------------------------------------------------------------- taking jobs

    /** A job of this name may be ready at {@code runAt}: ask the store then (now, if it has passed). */
    void wake(long runAt) {
        if (closed) {
            return;
        }
        long delay = queue.clock().until(runAt);
        if (delay == 0) {
            pump();
        } else if (runAt < wakeAt) {
            if (wakeTimer != null) {
                wakeTimer.close();
            }
            wakeAt = runAt;
            wakeTimer = loop.setTimeout(() -> {
                wakeTimer = null;
                wakeAt = Long.MAX_VALUE;
                pump();
            }, delay).unref();
        }
    }

    /** Claims as many jobs as there are free slots, unless a claim is already under way. */
    void pump() {
        if (closed || running() >= concurrency || queue.clock().now() < busyUntil) {
            return;
        }
        if (claiming) {
            claimAgain = true; // a job may have been stored after the running claim looked
            return;
        }
        claiming = true;
        claimAgain = false;
        long now = queue.clock().now();
        int free = concurrency - running();
        Promise<Claimed> claim;
        try {
            claim = queue.store().claim(name, free, queue.owner(), now, now + queue.options().leaseDuration().toMillis());
        } catch (RuntimeException e) {
            claim = loop.promise();
            claim.reject(e);
        }
        claim.whenComplete((claimed, error) -> {
            claiming = false;
            if (closed) {
                if (error == null) {
                    claimed.jobs().forEach(this::start); // each is given straight back
                }
                maybeClosed();
                return;
            }
            if (error != null) {
                DefaultJobQueue.LOG.log(Level.WARNING, "could not take jobs '" + name + "' from the store (will retry): " + error);
                return;
            }
            for (JobRecord job : claimed.jobs()) {
                start(job);
            }
            if (claimed.jobs().size() == free || claimAgain) {
                pump();
            } else if (claimed.nextRunAt().isPresent()) {
                wake(claimed.nextRunAt().getAsLong());
            }
        }).onFailure(error -> { });
    }

    // ---------------------------------------------------------------- running an attempt

    private void start(JobRecord record) {
        ActiveJob job = new ActiveJob(loop, record, new ProgressWriter(queue.store(), record.lease()), this::progressed);
        active.put(record.id().value(), job);
        if (closed) { // the queue closed while the claim was under way: give the job straight back
            release(job);
            return;
        }
        if (record.timeoutMillis() > 0) {
            job.timeout = loop.setTimeout(() -> timedOut(job), record.timeoutMillis()).unref();
        }
        Promise<?> outcome;
        try {
            outcome = runner.run(job);
            if (outcome == null) {
                throw new IllegalStateException("the handler of '" + name + "' returned null instead of a promise");
            }
        } catch (Throwable e) {
            outcome = loop.promise();
            outcome.reject(e);
        }
        outcome.whenComplete((value, error) -> {
            if (error instanceof WorkerPoolFullException && job.end()) {
                busyUntil = queue.clock().now() + BUSY_RETRY.toMillis();
                release(job);
                wake(busyUntil);
            } else if (error != null) {
                failed(job, error);
            } else {
                completed(job, value);
            }
        }).onFailure(error -> { });
    }

    private void progressed(ActiveJob job, ActiveJob.ProgressUpdate update) {
        if (job.ended()) {
            return;
        }
        job.progressWriter.write(update.json());
        queue.emit(new JobEvent.Progress(job.id(), name, job.attempt(), update.value()));
    }

    private void timedOut(ActiveJob job) {
        JobTimeoutException timeout = new JobTimeoutException("attempt " + job.attempt() + " of job " + job.id()
                + " ran past its timeout of " + job.record.timeoutMillis() + " ms");
        job.cancellation().cancel(timeout);
        failed(job, timeout);
    }

    private void completed(ActiveJob job, Object value) {
        if (!job.end()) {
            return;
        }
        String resultJson;
        try {
            resultJson = Json.write(value);
        } catch (IllegalArgumentException e) {
            settleFailure(job, e);
            return;
        }
        long now = queue.clock().now();
        Promise<Boolean> stored = job.progressWriter.then(loop.promise(), () -> queue.store().complete(job.lease, resultJson, now));
        handlerEnded(job);
        stored.whenComplete((held, error) -> {
            if (error != null) {
                lostOutcome(job, error);
            } else if (held) {
                queue.emit(new JobEvent.Completed(job.id(), name, job.attempt(), Json.read(resultJson)));
                queue.finished();
            } else {
                leaseLost(job);
            }
            ended(job);
        }).onFailure(error -> { });
    }

    private void failed(ActiveJob job, Throwable error) {
        if (job.end()) {
            settleFailure(job, error);
        }
    }

    private void settleFailure(ActiveJob job, Throwable cause) {
        long now = queue.clock().now();
        JobRecord record = job.record;
        OptionalLong retryAt = record.attemptsMade() < record.maxAttempts()
                ? OptionalLong.of(now + record.backoff().delayAfter(record.attemptsMade(), queue.random()).toMillis())
                : OptionalLong.empty();
        String text = Errors.describe(cause);
        Promise<Boolean> stored = job.progressWriter.then(loop.promise(), () -> queue.store().fail(job.lease, text, now, retryAt));
        handlerEnded(job);
        stored.whenComplete((held, error) -> {
            if (error != null) {
                lostOutcome(job, error);
            } else if (held) {
                Instant retry = retryAt.isPresent() ? Instant.ofEpochMilli(retryAt.getAsLong()) : null;
                queue.emit(new JobEvent.Failed(job.id(), name, job.attempt(), cause, java.util.Optional.ofNullable(retry)));
                if (retryAt.isPresent()) {
                    wake(retryAt.getAsLong());
                } else {
                    queue.finished();
                }
            } else {
                leaseLost(job);
            }
            ended(job);
        }).onFailure(error -> { });
    }

    /** Gives the job back to the store unrun (attempt uncounted). */
    private void release(ActiveJob job) {
        job.end();
        queue.store().release(job.lease, queue.clock().now())
                .onFailure(error -> lostOutcome(job, error))
                .andFinally(() -> ended(job))
                .onFailure(error -> { });
    }

    /** Ends a still-running attempt because the queue is closing past its deadline. */
    void abandon(ActiveJob job) {
        if (job.end()) {
            job.cancellation().cancel(new JobQueueClosedException("the queue closed before " + job + " finished"));
            release(job);
        }
    }

    private void leaseLost(ActiveJob job) {
        DefaultJobQueue.LOG.log(Level.WARNING, "the outcome of " + job + " was discarded: its lease had expired"
                + " and the job was recovered (at-least-once delivery: it runs again, or already did)");
    }

    private void lostOutcome(ActiveJob job, Throwable error) {
        DefaultJobQueue.LOG.log(Level.WARNING, "could not store the outcome of " + job + "; it will be recovered"
                + " and run again once its lease expires: " + error);
    }

    /** The handler ended and its outcome is on its way to the store: its slot is free. */
    private void handlerEnded(ActiveJob job) {
        if (!job.settling && active.containsKey(job.id().value())) {
            job.settling = true;
            settling++;
            pumpSoon();
        }
    }

    /**
     * Pumps once the microtasks queued so far have run: the slots that other jobs free in this
     * turn (their continuations are already queued) go into the same claim.
     */
    private void pumpSoon() {
        if (!pumpQueued && !closed) {
            pumpQueued = true;
            loop.queueMicrotask(() -> {
                pumpQueued = false;
                pump();
            });
        }
    }

    private void ended(ActiveJob job) {
        if (active.remove(job.id().value()) != null && job.settling) {
            settling--;
        }
        if (closed) {
            maybeClosed();
        } else {
            pumpSoon();
        }
    }

    private void maybeClosed() {
        if (active.isEmpty() && !claiming) {
            List<Promise<Void>> waiters = List.copyOf(closeWaiters);
            closeWaiters.clear();
            waiters.forEach(waiter -> waiter.resolve(null));
        }
    }

    // ---------------------------------------------------------------- closing

    @Override
    public Promise<Void> close() {
        Promise<Void> done = loop.promise();
        if (!closed) {
            closed = true;
            pollTimer.close();
            if (wakeTimer != null) {
                wakeTimer.close();
            }
            queue.processorClosed(this);
        }
        closeWaiters.add(done);
        maybeClosed();
        return done;
    }

    @Override
    public String toString() {
        return "JobProcessor[" + name + ", " + active.size() + "/" + concurrency + " active" + (closed ? ", closed" : "") + "]";
    }
}
