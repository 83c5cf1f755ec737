package dev.spindle.loop.internal;

import dev.spindle.loop.PoolStats;
import dev.spindle.loop.spi.PoolObserver;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

/**
 * libuv's thread pool: a fixed set of daemon threads for blocking calls (files, DNS, JDBC), with a
 * bounded queue, so a flood of blocking work is refused at the door instead of growing memory
 * without limit. Threads start on first use. It knows nothing of loops: the caller passes a
 * completion that hands the result back to its loop.
 */
final class BlockingPool {

    private static final AtomicInteger POOL_NUMBER = new AtomicInteger();

    private final String name;
    private final int threads;
    private final int capacity;
    private final ThreadPoolExecutor executor;
    private final AtomicInteger active = new AtomicInteger();
    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong totalWaitNanos = new AtomicLong();
    private final AtomicLong maxWaitNanos = new AtomicLong();
    private final CopyOnWriteArrayList<PoolObserver> observers = new CopyOnWriteArrayList<>();

    BlockingPool(String name, int threads, int capacity) {
        this.name = name;
        this.threads = threads;
        this.capacity = capacity;
        String prefix = "spindle-" + name + "-" + POOL_NUMBER.incrementAndGet() + "-";
        AtomicInteger threadNumber = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(capacity),
                task -> Thread.ofPlatform().daemon().name(prefix + threadNumber.incrementAndGet()).unstarted(task));
    }

    /**
     * Runs {@code work} on a pool thread, then {@code completion} with its value or exception, on
     * that same thread. Returns false, without running anything, when the queue is full.
     */
    <T> boolean submit(Callable<T> work, BiConsumer<T, Throwable> completion) {
        long queuedAt = System.nanoTime();
        try {
            executor.execute(() -> runTask(work, completion, queuedAt));
            return true;
        } catch (RejectedExecutionException e) {
            rejected.incrementAndGet();
            return false;
        }
    }

    private <T> void runTask(Callable<T> work, BiConsumer<T, Throwable> completion, long queuedAt) {
        long waited = System.nanoTime() - queuedAt;
        totalWaitNanos.addAndGet(waited);
        maxWaitNanos.accumulateAndGet(waited, Math::max);
        for (PoolObserver observer : observers) {
            try {
                observer.onTaskStart(name, waited);
            } catch (RuntimeException e) {
                // an observer must not throw; its failure must not cost the task
            }
        }
        active.incrementAndGet();
        T value = null;
        Throwable error = null;
        try {
            value = work.call();
        } catch (Throwable t) {
            error = t;
        } finally {
            active.decrementAndGet();
            completed.incrementAndGet();
        }
        completion.accept(value, error);
    }

    void addObserver(PoolObserver observer) {
        observers.add(java.util.Objects.requireNonNull(observer, "observer"));
    }

    void removeObserver(PoolObserver observer) {
        observers.remove(observer);
    }

    String describeFull() {
        return "the " + name + " pool's queue is full (" + capacity + " tasks waiting for " + threads
                + " threads); retry later or raise threadPoolQueueCapacity";
    }

    PoolStats stats() {
        return new PoolStats(name, threads, executor.getQueue().size(), capacity, active.get(),
                completed.get(), rejected.get(), totalWaitNanos.get(), maxWaitNanos.get());
    }

    void shutdown() {
        executor.shutdownNow();
    }
}
