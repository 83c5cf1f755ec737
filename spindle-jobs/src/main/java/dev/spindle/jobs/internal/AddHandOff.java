package dev.spindle.jobs.internal;

import dev.spindle.jobs.JobId;
import dev.spindle.jobs.JobQueueFullException;
import dev.spindle.jobs.spi.Added;
import dev.spindle.jobs.spi.JobStore;
import dev.spindle.jobs.spi.NewJob;
import dev.spindle.loop.Loop;
import dev.spindle.loop.Promise;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The bounded hand-off between {@code add} and the store. Jobs added while a batch is being stored
 * wait here, up to {@code maxPending}; past that, add rejects at once with
 * {@link JobQueueFullException}. One batch (up to {@code maxBatch} jobs, one transaction) is
 * stored at a time, so under load adds are stored many per commit. Loop thread only.
 */
final class AddHandOff {

    private record Pending(NewJob job, Promise<JobId> promise) {}

    private final Loop loop;
    private final JobStore store;
    private final int maxPending;
    private final int maxBatch;
    private final Consumer<NewJob> onStored;
    private final ArrayDeque<Pending> pending = new ArrayDeque<>();
    private final List<Promise<Void>> drainWaiters = new ArrayList<>();
    private int storing;
    private boolean flushScheduled;

    AddHandOff(Loop loop, JobStore store, int maxPending, int maxBatch, Consumer<NewJob> onStored) {
        this.loop = loop;
        this.store = store;
        this.maxPending = maxPending;
        this.maxBatch = maxBatch;
        this.onStored = onStored;
    }

    Promise<JobId> add(NewJob job) {
        Promise<JobId> promise = loop.promise();
        if (pending.size() + storing >= maxPending) {
            promise.reject(new JobQueueFullException("the job was not stored: " + maxPending
                    + " jobs are already waiting for the store (maxPendingAdds); retry later"));
            return promise;
        }
        pending.add(new Pending(job, promise));
        if (storing == 0 && !flushScheduled) {
            flushScheduled = true;
            loop.setImmediate(this::flush); // adds made in this turn go in one batch
        }
        return promise;
    }

    /** Settles when every job taken so far has been stored (or rejected). */
    Promise<Void> drain() {
        Promise<Void> drained = loop.promise();
        if (pending.isEmpty() && storing == 0) {
            drained.resolve(null);
        } else {
            drainWaiters.add(drained);
        }
        return drained;
    }

    private void flush() {
        flushScheduled = false;
        if (pending.isEmpty()) {
            drained();
            return;
        }
        List<Pending> batch = new ArrayList<>(Math.min(pending.size(), maxBatch));
        while (!pending.isEmpty() && batch.size() < maxBatch) {
            batch.add(pending.poll());
        }
        storing = batch.size();
        Promise<List<Added>> stored;
        try {
            stored = store.add(batch.stream().map(Pending::job).toList());
        } catch (RuntimeException e) {
            stored = loop.promise();
            stored.reject(e);
        }
        stored.whenComplete((added, error) -> {
            storing = 0;
            for (int i = 0; i < batch.size(); i++) {
                Pending one = batch.get(i);
                if (error != null) {
                    one.promise().reject(Errors.forCaller(error));
                } else {
                    one.promise().resolve(added.get(i).id());
                    if (added.get(i).created()) {
                        onStored.accept(one.job());
                    }
                }
            }
            flush();
        }).onFailure(error -> { }); // each add promise carries the error to its caller
    }

    private void drained() {
        List<Promise<Void>> waiters = List.copyOf(drainWaiters);
        drainWaiters.clear();
        waiters.forEach(waiter -> waiter.resolve(null));
    }
}
