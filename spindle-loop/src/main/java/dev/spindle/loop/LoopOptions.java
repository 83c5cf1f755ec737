package dev.spindle.loop;

import dev.spindle.loop.spi.LoopObserver;
import java.util.List;
import java.util.Objects;

/**
 * Immutable settings of a {@link Loop}; build with {@link #builder()}.
 *
 * @param clock the time source; {@link Clock#system()} in production, a {@link ManualClock} in tests
 * @param threadPoolSize threads in the blocking pool; 0 (the default) means the value of
 *     {@value #THREADPOOL_SIZE_ENV}, else {@value #DEFAULT_THREADPOOL_SIZE}
 * @param threadPoolQueueCapacity tasks that may wait for a blocking-pool thread before
 *     {@link Loop#offload} rejects
 * @param stopOnUncaughtException stop the loop on an uncaught exception (Node's behaviour) instead
 *     of logging it and running on
 * @param threadName name of the thread {@link Loop#start()} creates
 * @param observers observers of phases and callbacks, called on the loop thread
 */
public record LoopOptions(
        Clock clock,
        int threadPoolSize,
        int threadPoolQueueCapacity,
        boolean stopOnUncaughtException,
        String threadName,
        List<LoopObserver> observers) {

    /** Threads in the blocking pool unless {@value #THREADPOOL_SIZE_ENV} says otherwise: 4, as libuv. */
    public static final int DEFAULT_THREADPOOL_SIZE = 4;

    /** Environment variable that sets the blocking pool size, like libuv's {@code UV_THREADPOOL_SIZE}. */
    public static final String THREADPOOL_SIZE_ENV = "SPINDLE_THREADPOOL_SIZE";

    /** Tasks that may queue for the blocking pool before new ones are rejected. */
    public static final int DEFAULT_THREADPOOL_QUEUE_CAPACITY = 4096;

    /** Default name of the thread {@link Loop#start()} creates. */
    public static final String DEFAULT_THREAD_NAME = "spindle-loop";

    /** The defaults: system clock, pool size from the environment or 4, log-and-continue on errors. */
    public static final LoopOptions DEFAULTS = builder().build();

    public LoopOptions {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(threadName, "threadName");
        if (threadPoolSize < 0) {
            throw new IllegalArgumentException("threadPoolSize must be >= 1, or 0 for the default, was " + threadPoolSize);
        }
        if (threadPoolQueueCapacity < 1) {
            throw new IllegalArgumentException("threadPoolQueueCapacity must be >= 1, was " + threadPoolQueueCapacity);
        }
        observers = List.copyOf(observers);
    }

    /** A builder holding the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these options. */
    public Builder toBuilder() {
        return new Builder()
                .clock(clock)
                .threadPoolSize(threadPoolSize)
                .threadPoolQueueCapacity(threadPoolQueueCapacity)
                .stopOnUncaughtException(stopOnUncaughtException)
                .threadName(threadName)
                .observers(observers);
    }

    /**
     * The blocking pool's thread count: {@link #threadPoolSize()} if set, else
     * {@value #THREADPOOL_SIZE_ENV}, else {@value #DEFAULT_THREADPOOL_SIZE}.
     *
     * @throws IllegalArgumentException when the environment variable is not a number
     */
    public int effectiveThreadPoolSize() {
        return threadPoolSize > 0 ? threadPoolSize : threadPoolSizeFromEnvironment();
    }

    private static int threadPoolSizeFromEnvironment() {
        String value = System.getenv(THREADPOOL_SIZE_ENV);
        if (value == null || value.isBlank()) {
            return DEFAULT_THREADPOOL_SIZE;
        }
        try {
            int size = Integer.parseInt(value.trim());
            return Math.clamp(size, 1, 1024);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(THREADPOOL_SIZE_ENV + " must be a number, was '" + value + "'", e);
        }
    }

    /** Builds {@link LoopOptions}; every field starts at its default. */
    public static final class Builder {
        private Clock clock = Clock.system();
        private int threadPoolSize;
        private int threadPoolQueueCapacity = DEFAULT_THREADPOOL_QUEUE_CAPACITY;
        private boolean stopOnUncaughtException;
        private String threadName = DEFAULT_THREAD_NAME;
        private List<LoopObserver> observers = List.of();

        private Builder() {}

        /** The time source; a {@link ManualClock} makes timer tests exact and instant. */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** Threads in the blocking pool; 0 reads {@value #THREADPOOL_SIZE_ENV}, else uses 4. */
        public Builder threadPoolSize(int threadPoolSize) {
            this.threadPoolSize = threadPoolSize;
            return this;
        }

        /** Tasks that may wait for a blocking-pool thread. */
        public Builder threadPoolQueueCapacity(int threadPoolQueueCapacity) {
            this.threadPoolQueueCapacity = threadPoolQueueCapacity;
            return this;
        }

        /** Stop the loop on an uncaught exception, as Node exits, instead of logging it. */
        public Builder stopOnUncaughtException(boolean stop) {
            this.stopOnUncaughtException = stop;
            return this;
        }

        /** Name of the thread {@link Loop#start()} creates. */
        public Builder threadName(String threadName) {
            this.threadName = threadName;
            return this;
        }

        /** Observers of phases and callbacks (the monitor's hook). */
        public Builder observers(List<LoopObserver> observers) {
            this.observers = observers;
            return this;
        }

        /** Adds one observer. */
        public Builder observer(LoopObserver observer) {
            this.observers = new java.util.ArrayList<>(observers);
            this.observers.add(observer);
            return this;
        }

        public LoopOptions build() {
            return new LoopOptions(clock, threadPoolSize, threadPoolQueueCapacity,
                    stopOnUncaughtException, threadName, observers);
        }
    }
}
