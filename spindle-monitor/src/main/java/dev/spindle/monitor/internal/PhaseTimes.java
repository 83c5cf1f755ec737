package dev.spindle.monitor.internal;

import dev.spindle.loop.Phase;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Time per phase, turns, and top-level callbacks per turn. The loop thread writes (release stores:
 * no fence on the loop's path); any thread reads.
 */
final class PhaseTimes {

    /** Upper bounds of the callbacks-per-turn buckets; the last bucket is everything above. */
    static final long[] PER_TURN_BOUNDS = {0, 1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024};

    private static final Phase[] PHASES = Phase.values();

    private final AtomicLongArray phaseNanos = new AtomicLongArray(PHASES.length);
    private final AtomicLongArray perTurn = new AtomicLongArray(PER_TURN_BOUNDS.length + 1);
    private long phaseStart;
    private long turns;
    private long callbacks;
    private long callbacksThisTurn;
    /** Published once per turn: readers lag by at most the turn in progress. */
    private volatile long publishedTurns;
    private volatile long publishedCallbacks;

    /** Loop thread. A turn begins with its timers phase; the turn before it is counted then. */
    void phaseStarted(Phase phase, long now) {
        if (phase == Phase.TIMERS) {
            if (turns > 0) {
                int bucket = bucket(callbacksThisTurn);
                perTurn.lazySet(bucket, perTurn.get(bucket) + 1);
                callbacks += callbacksThisTurn;
                publishedCallbacks = callbacks;
            }
            callbacksThisTurn = 0;
            turns++;
            publishedTurns = turns;
        }
        phaseStart = now;
    }

    /** Loop thread. */
    void phaseEnded(Phase phase, long now) {
        int i = phase.ordinal();
        phaseNanos.lazySet(i, phaseNanos.get(i) + Math.max(0, now - phaseStart));
    }

    /** Loop thread: a top-level callback began. */
    void callbackStarted() {
        callbacksThisTurn++;
    }

    static int bucket(long count) {
        if (count == 0) {
            return 0;
        }
        int index = 1 + (64 - Long.numberOfLeadingZeros(count - 1));
        return Math.min(index, PER_TURN_BOUNDS.length);
    }

    Map<Phase, Duration> times() {
        Map<Phase, Duration> times = new EnumMap<>(Phase.class);
        for (Phase phase : PHASES) {
            times.put(phase, Duration.ofNanos(phaseNanos.get(phase.ordinal())));
        }
        return Collections.unmodifiableMap(times);
    }

    long turns() {
        return publishedTurns;
    }

    /** Top-level callbacks of the finished turns. */
    long callbacks() {
        return publishedCallbacks;
    }

    /** Turns per bucket of {@link #PER_TURN_BOUNDS} (not cumulative), the last being +Inf. */
    long[] callbacksPerTurn() {
        long[] counts = new long[perTurn.length()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = perTurn.get(i);
        }
        return counts;
    }
}
