package dev.spindle.workers.internal;

import dev.spindle.workers.WorkerPoolClosedException;
import dev.spindle.workers.WorkerPoolOptions;
import dev.spindle.workers.WorkerPoolStats;
import dev.spindle.workers.spi.WorkerPoolObserver;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The worker pool's engine, loop-agnostic: platform threads between a minimum and a maximum, and
 * a bounded queue in front of them. Unlike a {@link java.util.concurrent.ThreadPoolExecutor} with a
 * bounded queue, it starts a new thread (up to the maximum) before it queues, as Piscina does, and
 * it removes a cancelled task from the queue at once, so queue depth counts only live work.
 *
 * <p>One lock guards the queue and the thread counts. A thread counts as idle from the moment it
 * is started or finishes a task until it takes the next one, so {@code idle > queue.size()} means
 * a queued task is about to be taken and needs no new thread.
 */
public final class WorkerPool {

    /** What {@link #submit} did with a task. */
    enum Admission { ACCEPTED, FULL, CLOSED }

    private static final AtomicInteger POOL_NUMBER = new AtomicInteger();

    private final WorkerPoolOptions options;
    private final int capacity;
    private final long idleTimeoutNanos;
    private final String threadPrefix;
    private final AtomicInteger threadNumber = new AtomicInteger();
    private final WorkerPoolObserver observer;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition workAvailable = lock.newCondition();
    private final ArrayDeque<PooledTask<?>> queue = new ArrayDeque<>();
    private final Set<PooledTask<?>> running = new HashSet<>();
    private int threads;
    private int idle;
    private boolean closed;

    private final AtomicLong started = new AtomicLong();
    private final LongAdder completed = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder cancelled = new LongAdder();
    private final LongAdder rejected = new LongAdder();
    private final LongAdder totalQueueWaitNanos = new LongAdder();
    private final AtomicLong maxQueueWaitNanos = new AtomicLong();
    private final LongAdder totalRunNanos = new LongAdder();
    private final AtomicLong maxRunNanos = new AtomicLong();

    public WorkerPool(WorkerPoolOptions options) {
        this.options = options;
        this.capacity = options.effectiveMaxQueue();
        this.idleTimeoutNanos = options.idleTimeout().toNanos();
        this.threadPrefix = "spindle-worker-" + options.name() + "-" + POOL_NUMBER.incrementAndGet() + "-";
        this.observer = options.observer();
    }

    WorkerPoolOptions options() {
        return options;
    }

    // ---------------------------------------------------------------- submitting and cancelling

    /** Queues {@code task}, starting a thread if none is free and the maximum allows. Any thread. */
    Admission submit(PooledTask<?> task) {
        task.queuedAtNanos = System.nanoTime();
        lock.lock();
        try {
            if (closed) {
                rejected.increment();
                return Admission.CLOSED;
            }
            if (idle > queue.size()) {
                queue.add(task);
                workAvailable.signal();
            } else if (threads < options.maxThreads()) {
                queue.add(task);
                startThread();
            } else if (queue.size() - idle >= capacity) {
                rejected.increment();
                return Admission.FULL;
            } else {
                queue.add(task);
            }
            return Admission.ACCEPTED;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Cancels {@code task} with {@code reason}: removes it if queued, interrupts it if running, and
     * completes it with {@code reason}. False if it had already settled. Any thread.
     */
    boolean cancel(PooledTask<?> task, Throwable reason) {
        if (!task.claim()) {
            return false;
        }
        cancelled.increment();
        boolean removed;
        lock.lock();
        try {
            removed = queue.remove(task);
        } finally {
            lock.unlock();
        }
        if (!removed) {
            task.interruptIfRunning();
        }
        task.completion.complete(null, reason);
        return true;
    }

    String describeFull() {
        return "the worker pool '" + options.name() + "' is full: " + options.maxThreads() + " threads busy and "
                + capacity + " tasks queued; retry later, shed the request, or raise maxThreads or maxQueue";
    }

    String describeClosed() {
        return "the worker pool '" + options.name() + "' is closed";
    }

    // ---------------------------------------------------------------- the threads

    private void startThread() {
        threads++;
        idle++;
        Thread.ofPlatform().daemon().name(threadPrefix + threadNumber.incrementAndGet()).start(this::work);
    }

    private void work() {
        Thread self = Thread.currentThread();
        lock.lock();
        try {
            PooledTask<?> task;
            while ((task = awaitTask()) != null) {
                idle--;
                running.add(task);
                task.startedOn(self);
                lock.unlock();
                try {
                    runTask(task);
                } finally {
                    lock.lock();
                    running.remove(task);
                    idle++;
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** The next task, or null when this thread should end (closed, or idle too long above the minimum). Under the lock. */
    private PooledTask<?> awaitTask() {
        long nanos = idleTimeoutNanos;
        while (true) {
            PooledTask<?> task = queue.poll();
            if (task != null) {
                return task;
            }
            boolean aboveMinimum = threads > options.minThreads();
            if (closed || (aboveMinimum && nanos <= 0)) {
                idle--;
                threads--;
                return null;
            }
            try {
                if (aboveMinimum) {
                    nanos = workAvailable.awaitNanos(nanos);
                } else {
                    workAvailable.await();
                }
            } catch (InterruptedException e) {
                // A late cancel's interrupt can only reach a task's runner, never an idle thread;
                // whatever it was, look at the queue again.
            }
        }
    }

    private <T> void runTask(PooledTask<T> task) {
        long start = System.nanoTime();
        long waited = start - task.queuedAtNanos;
        started.incrementAndGet();
        totalQueueWaitNanos.add(waited);
        maxQueueWaitNanos.accumulateAndGet(waited, Math::max);
        notifyStarted(waited);
        if (task.isClaimed()) { // cancelled between leaving the queue and starting: skip the code
            task.finished();
            Thread.interrupted();
            return;
        }
        T value = null;
        Throwable error = null;
        try {
            value = task.work.call();
        } catch (Throwable t) {
            error = t;
        }
        task.finished();
        Thread.interrupted(); // a cancel's interrupt belongs to this task only; never carry it to the next
        long ran = System.nanoTime() - start;
        totalRunNanos.add(ran);
        maxRunNanos.accumulateAndGet(ran, Math::max);
        notifyFinished(ran, error != null);
        if (task.claim()) {
            completed.increment();
            if (error != null) {
                failed.increment();
            }
            task.completion.complete(value, error);
        }
    }

    private void notifyStarted(long waited) {
        try {
            observer.taskStarted(options.name(), waited);
        } catch (RuntimeException ignored) {
            // an observer must not break the pool
        }
    }

    private void notifyFinished(long ran, boolean threw) {
        try {
            observer.taskFinished(options.name(), ran, threw);
        } catch (RuntimeException ignored) {
            // an observer must not break the pool
        }
    }

    void notifyRejected() {
        try {
            observer.taskRejected(options.name());
        } catch (RuntimeException ignored) {
            // an observer must not break the pool
        }
    }

    // ---------------------------------------------------------------- stats and shutdown

    public WorkerPoolStats stats() {
        int threadsNow;
        int depth;
        int active;
        lock.lock();
        try {
            threadsNow = threads;
            depth = Math.max(0, queue.size() - idle);
            active = running.size();
        } finally {
            lock.unlock();
        }
        return new WorkerPoolStats(options.name(), options.minThreads(), options.maxThreads(), threadsNow, depth,
                capacity, active, started.get(), completed.sum(), failed.sum(), cancelled.sum(), rejected.sum(),
                totalQueueWaitNanos.sum(), maxQueueWaitNanos.get(), totalRunNanos.sum(), maxRunNanos.get());
    }

    /** Refuses new tasks, rejects queued ones, interrupts running ones; threads end. Idempotent. Any thread. */
    public void close() {
        List<PooledTask<?>> queued;
        List<PooledTask<?>> busy;
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            queued = new ArrayList<>(queue);
            queue.clear();
            busy = new ArrayList<>(running);
            workAvailable.signalAll();
        } finally {
            lock.unlock();
        }
        for (PooledTask<?> task : queued) {
            cancel(task, new WorkerPoolClosedException(describeClosed() + "; the task was still queued"));
        }
        for (PooledTask<?> task : busy) {
            cancel(task, new WorkerPoolClosedException(describeClosed() + "; the running task was interrupted"));
        }
    }
}
