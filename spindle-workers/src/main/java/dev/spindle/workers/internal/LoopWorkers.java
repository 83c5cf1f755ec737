package dev.spindle.workers.internal;

import dev.spindle.loop.Loop;
import dev.spindle.loop.Promise;
import dev.spindle.loop.Timer;
import dev.spindle.loop.spi.LoopSpi;
import dev.spindle.workers.Cancellation;
import dev.spindle.workers.LoopAffinityException;
import dev.spindle.workers.TaskOptions;
import dev.spindle.workers.TaskTimeoutException;
import dev.spindle.workers.WorkerPoolClosedException;
import dev.spindle.workers.WorkerPoolFullException;
import dev.spindle.workers.WorkerPoolOptions;
import dev.spindle.workers.WorkerPoolStats;
import dev.spindle.workers.Workers;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@link Workers}: a {@link WorkerPool} bound to one loop. Each task is a request on the loop (it
 * keeps the loop alive until it settles); its outcome crosses back through {@link Loop#execute}
 * and settles the promise in the pending phase. The deadline is a loop timer, so it follows the
 * loop's clock.
 */
public final class LoopWorkers implements Workers {

    /** The process-wide pool behind {@link Workers#shared}, created on first use. */
    private static final class Shared {
        static final WorkerPool POOL = new WorkerPool(WorkerPoolOptions.DEFAULTS.toBuilder().name("shared").build());
    }

    private final Loop loop;
    private final LoopSpi spi;
    private final WorkerPool pool;
    private final boolean ownsPool;

    private LoopWorkers(Loop loop, WorkerPool pool, boolean ownsPool) {
        this.loop = Objects.requireNonNull(loop, "loop");
        this.spi = LoopSpi.of(loop);
        this.pool = pool;
        this.ownsPool = ownsPool;
    }

    public static Workers create(Loop loop, WorkerPoolOptions options) {
        return new LoopWorkers(loop, new WorkerPool(options), true);
    }

    public static Workers shared(Loop loop) {
        return new LoopWorkers(loop, Shared.POOL, false);
    }

    @Override
    public <T> Promise<T> run(Callable<T> task) {
        return run(task, TaskOptions.DEFAULTS);
    }

    @Override
    public <T> Promise<T> run(Callable<T> task, TaskOptions options) {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(options, "options");
        if (!loop.inLoop()) {
            throw new IllegalStateException("loop-thread only; called from " + Thread.currentThread().getName()
                    + " (Workers.run belongs to its loop's thread; use loop.execute() to get there)");
        }
        Promise<T> promise = loop.promise();
        Cancellation cancellation = options.cancellation();
        Optional<Throwable> cancelled = cancellation.reason();
        if (cancelled.isPresent()) {
            promise.reject(cancelled.get());
            return promise;
        }
        if (pool.options().debug()) {
            Optional<String> captured = LoopAffinity.capturedLoopObject(task);
            if (captured.isPresent()) {
                promise.reject(new LoopAffinityException(captured.get()));
                return promise;
            }
        }
        InFlight<T> inFlight = new InFlight<>(promise);
        PooledTask<T> pooled = new PooledTask<>(task, inFlight::complete);
        switch (pool.submit(pooled)) {
            case FULL -> {
                pool.notifyRejected();
                promise.reject(new WorkerPoolFullException(pool.describeFull()));
                return promise;
            }
            case CLOSED -> {
                promise.reject(new WorkerPoolClosedException(pool.describeClosed()));
                return promise;
            }
            case ACCEPTED -> spi.ref();
        }
        inFlight.registration = cancellation.onCancel(reason -> pool.cancel(pooled, reason));
        if (options.hasTimeout() && !inFlight.settled) {
            inFlight.deadline = loop.setTimeout(
                    () -> pool.cancel(pooled, new TaskTimeoutException(options.timeout())),
                    Math.max(1, options.timeout().toMillis()));
        }
        if (inFlight.settled) { // cancelled while registering, on this thread
            inFlight.release();
        }
        return promise;
    }

    /** The loop's side of one accepted task: its promise, deadline timer and cancel registration. */
    private final class InFlight<T> {
        private final Promise<T> promise;
        private boolean settled;
        private Timer deadline;
        private Cancellation.Registration registration;

        InFlight(Promise<T> promise) {
            this.promise = promise;
        }

        /** From the pool, on whichever thread claimed the outcome: hop to the loop, then settle. */
        void complete(T value, Throwable error) {
            if (loop.inLoop()) {
                settle(value, error);
            } else {
                loop.execute(() -> settle(value, error));
            }
        }

        private void settle(T value, Throwable error) {
            settled = true;
            spi.unref();
            release();
            if (error == null) {
                promise.resolve(value);
            } else {
                promise.reject(LoopAffinity.explain(error));
            }
        }

        void release() {
            if (deadline != null) {
                deadline.close();
            }
            if (registration != null) {
                registration.close();
            }
        }
    }

    @Override
    public Workers on(Loop other) {
        return new LoopWorkers(other, pool, ownsPool);
    }

    @Override
    public Loop loop() {
        return loop;
    }

    @Override
    public WorkerPoolOptions options() {
        return pool.options();
    }

    @Override
    public WorkerPoolStats stats() {
        return pool.stats();
    }

    @Override
    public void close() {
        if (ownsPool) {
            pool.close();
        }
    }

    @Override
    public String toString() {
        return "Workers[" + pool.options().name() + (ownsPool ? "" : ", shared") + "]";
    }
}
