package dev.spindle.jobs.internal;

import dev.spindle.jobs.spi.JobStore;
import dev.spindle.jobs.spi.Lease;
import dev.spindle.loop.Promise;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Stores one attempt's progress without piling up writes: one write in flight at a time, and the
 * latest value waiting behind it (older waiting values are dropped). The attempt's final write
 * ({@link #then}) waits for the progress writes, so the store's last progress is the last reported.
 * Loop thread only.
 */
final class ProgressWriter {

    private final JobStore store;
    private final Lease lease;
    private final List<Runnable> whenIdle = new ArrayList<>(1);
    private boolean writing;
    private String waiting;

    ProgressWriter(JobStore store, Lease lease) {
        this.store = store;
        this.lease = lease;
    }

    void write(String progressJson) {
        if (writing) {
            waiting = progressJson;
            return;
        }
        writing = true;
        Promise<Boolean> written;
        try {
            written = store.progress(lease, progressJson);
        } catch (RuntimeException e) {
            writing = false;
            idle();
            return;
        }
        written.onFailure(error -> DefaultJobQueue.LOG.log(System.Logger.Level.WARNING,
                        "could not store the progress of job " + lease.id() + ": " + error))
                .andFinally(() -> {
                    writing = false;
                    String next = waiting;
                    waiting = null;
                    if (next != null) {
                        write(next);
                    } else {
                        idle();
                    }
                }).onFailure(error -> { });
    }

    /** Runs {@code call} once no progress write is in flight or waiting, and follows its promise. */
    <T> Promise<T> then(Promise<T> result, Supplier<Promise<T>> call) {
        Runnable start = () -> {
            try {
                call.get().whenComplete((value, error) -> {
                    if (error != null) {
                        result.reject(error);
                    } else {
                        result.resolve(value);
                    }
                }).onFailure(error -> { });
            } catch (RuntimeException e) {
                result.reject(e);
            }
        };
        if (writing) {
            whenIdle.add(start);
        } else {
            start.run();
        }
        return result;
    }

    private void idle() {
        List<Runnable> ready = List.copyOf(whenIdle);
        whenIdle.clear();
        ready.forEach(Runnable::run);
    }
}
