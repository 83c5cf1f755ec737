package dev.spindle.monitor.internal;

import dev.spindle.loop.spi.PoolObserver;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * The queue-wait histogram of each observed pool: exact counts in fixed buckets, filled on the pool
 * threads as tasks leave the queue. Any thread.
 */
final class PoolWaits implements PoolObserver {

    /** Upper bounds of the buckets, in seconds: from 100 µs (a pool keeping up) to 10 s (a pool drowning). */
    static final double[] BUCKETS = {0.0001, 0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 10};

    private static final long[] BOUNDS_NANOS = new long[BUCKETS.length];

    static {
        for (int i = 0; i < BUCKETS.length; i++) {
            BOUNDS_NANOS[i] = Math.round(BUCKETS[i] * 1e9);
        }
    }

    /** One pool's waits: {@code buckets} cumulative, the last being +Inf. */
    record Snapshot(long[] buckets, long count, long sumNanos) {}

    private static final class Pool {
        final AtomicLongArray buckets = new AtomicLongArray(BUCKETS.length + 1);
        final LongAdder sumNanos = new LongAdder();
    }

    private final ConcurrentHashMap<String, Pool> pools = new ConcurrentHashMap<>();

    @Override
    public void onTaskStart(String pool, long queueWaitNanos) {
        Pool waits = pools.computeIfAbsent(pool, name -> new Pool());
        int bucket = 0;
        while (bucket < BOUNDS_NANOS.length && queueWaitNanos > BOUNDS_NANOS[bucket]) {
            bucket++;
        }
        waits.buckets.incrementAndGet(bucket);
        waits.sumNanos.add(Math.max(0, queueWaitNanos));
    }

    /** The waits of {@code pool}, or null when none of its tasks has started since the monitor did. */
    Snapshot snapshot(String pool) {
        Pool waits = pools.get(pool);
        if (waits == null) {
            return null;
        }
        long[] cumulative = new long[BUCKETS.length + 1];
        long running = 0;
        for (int i = 0; i < cumulative.length; i++) {
            running += waits.buckets.get(i);
            cumulative[i] = running;
        }
        return new Snapshot(cumulative, running, waits.sumNanos.sum());
    }
}
