package dev.spindle.workers;

import dev.spindle.workers.spi.WorkerPoolObserver;
import java.time.Duration;
import java.util.Objects;

/**
 * Immutable settings of a worker pool; build with {@link #builder()}. Any thread may build them.
 *
 * @param name the pool's name, in its threads' names ({@code spindle-worker-<name>-<n>}) and its stats
 * @param minThreads threads kept alive when idle; they start on demand, not up front
 * @param maxThreads the most threads running tasks at once
 * @param idleTimeout how long a thread above {@code minThreads} waits for work before it ends
 * @param maxQueue tasks that may wait for a thread before {@link Workers#run} rejects with
 *     {@link WorkerPoolFullException}; {@value #AUTO_MAX_QUEUE} means {@code maxThreads * maxThreads},
 *     Piscina's default; 0 means a task runs only if a thread is free
 * @param debug check each task, at submission, for captured loop-owned objects (sockets, timers,
 *     requests, responses) and reject it with {@link LoopAffinityException}; costs a reflective
 *     look at the task's captured fields, so it is off by default
 * @param observer told of every task's queue wait and run time, on the worker thread (the monitor's hook)
 */
public record WorkerPoolOptions(
        String name,
        int minThreads,
        int maxThreads,
        Duration idleTimeout,
        int maxQueue,
        boolean debug,
        WorkerPoolObserver observer) {

    /** {@link #maxQueue()} value that means {@code maxThreads * maxThreads}. */
    public static final int AUTO_MAX_QUEUE = -1;

    /** The default pool name. */
    public static final String DEFAULT_NAME = "workers";

    /** Threads at most, by default: one per available processor. */
    public static final int DEFAULT_MAX_THREADS = Runtime.getRuntime().availableProcessors();

    /** Threads kept when idle, by default: half the processors, at least one (Piscina's default). */
    public static final int DEFAULT_MIN_THREADS = Math.max(1, DEFAULT_MAX_THREADS / 2);

    /** How long a thread above the minimum stays idle before it ends: 30 seconds. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);

    /** Every setting at its default. */
    public static final WorkerPoolOptions DEFAULTS = builder().build();

    /** Checks the values; see the record's parameters. */
    public WorkerPoolOptions {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(observer, "observer");
        if (maxThreads < 1) {
            throw new IllegalArgumentException("maxThreads must be >= 1, was " + maxThreads);
        }
        if (minThreads < 0 || minThreads > maxThreads) {
            throw new IllegalArgumentException("minThreads must be between 0 and maxThreads (" + maxThreads + "), was " + minThreads);
        }
        if (idleTimeout.isNegative()) {
            throw new IllegalArgumentException("idleTimeout must not be negative, was " + idleTimeout);
        }
        if (maxQueue < AUTO_MAX_QUEUE) {
            throw new IllegalArgumentException("maxQueue must be >= 0, or " + AUTO_MAX_QUEUE + " for maxThreads squared, was " + maxQueue);
        }
    }

    /** The queue capacity in force: {@link #maxQueue()}, or {@code maxThreads * maxThreads} for {@value #AUTO_MAX_QUEUE}. */
    public int effectiveMaxQueue() {
        return maxQueue == AUTO_MAX_QUEUE ? maxThreads * maxThreads : maxQueue;
    }

    /** A builder holding the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these options. */
    public Builder toBuilder() {
        return new Builder().name(name).minThreads(minThreads).maxThreads(maxThreads)
                .idleTimeout(idleTimeout).maxQueue(maxQueue).debug(debug).observer(observer);
    }

    /** Builds {@link WorkerPoolOptions}; every field starts at its default. */
    public static final class Builder {
        private String name = DEFAULT_NAME;
        private int minThreads = -1;
        private int maxThreads = DEFAULT_MAX_THREADS;
        private Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;
        private int maxQueue = AUTO_MAX_QUEUE;
        private boolean debug;
        private WorkerPoolObserver observer = WorkerPoolObserver.NONE;

        private Builder() {}

        /** The pool's name. */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** Threads kept when idle; unless set, half of {@code maxThreads}, at least one. */
        public Builder minThreads(int minThreads) {
            this.minThreads = minThreads;
            return this;
        }

        /** Threads at most. */
        public Builder maxThreads(int maxThreads) {
            this.maxThreads = maxThreads;
            return this;
        }

        /** How long a thread above the minimum waits for work before it ends. */
        public Builder idleTimeout(Duration idleTimeout) {
            this.idleTimeout = idleTimeout;
            return this;
        }

        /** Tasks that may wait for a thread; {@value #AUTO_MAX_QUEUE} for {@code maxThreads * maxThreads}. */
        public Builder maxQueue(int maxQueue) {
            this.maxQueue = maxQueue;
            return this;
        }

        /** Check tasks for captured loop-owned objects at submission. */
        public Builder debug(boolean debug) {
            this.debug = debug;
            return this;
        }

        /** The observer of queue waits and run times. */
        public Builder observer(WorkerPoolObserver observer) {
            this.observer = observer;
            return this;
        }

        public WorkerPoolOptions build() {
            int min = minThreads >= 0 ? minThreads : Math.max(1, maxThreads / 2);
            return new WorkerPoolOptions(name, min, maxThreads, idleTimeout, maxQueue, debug, observer);
        }
    }
}
