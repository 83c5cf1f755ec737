package dev.spindle.workers.internal;

import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One task in a {@link WorkerPool}: the code, when it was queued, and who gets its outcome. The
 * outcome is claimed once ({@link #claim()}), by the worker that finished the code or by whoever
 * cancelled it, so a task settles exactly once however the race goes. The pool knows nothing of
 * loops: the {@link Completion} hands the outcome to one.
 */
final class PooledTask<T> {

    /** Receives a task's outcome, once, on whatever thread claimed it. */
    @FunctionalInterface
    interface Completion<T> {
        void complete(T value, Throwable error);
    }

    final Callable<T> work;
    final Completion<T> completion;
    long queuedAtNanos;
    private final AtomicBoolean claimed = new AtomicBoolean();

    // Guarded by this: the thread running the code, while it runs. Interrupts go through here so a
    // cancel can never hit a thread that has moved on to another task.
    private Thread runner;
    private boolean done;

    PooledTask(Callable<T> work, Completion<T> completion) {
        this.work = work;
        this.completion = completion;
    }

    /** Claims the right to settle; true for the first caller only. */
    boolean claim() {
        return claimed.compareAndSet(false, true);
    }

    boolean isClaimed() {
        return claimed.get();
    }

    synchronized void startedOn(Thread thread) {
        runner = thread;
    }

    /** The code returned or threw: from now on a cancel leaves the thread alone. */
    synchronized void finished() {
        done = true;
        runner = null;
    }

    /** Interrupts the thread running the code, if it still is. */
    synchronized void interruptIfRunning() {
        if (runner != null && !done) {
            runner.interrupt();
        }
    }
}
