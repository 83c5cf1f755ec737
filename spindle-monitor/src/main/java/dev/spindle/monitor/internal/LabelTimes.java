package dev.spindle.monitor.internal;

import dev.spindle.monitor.LabelTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Loop time and dispatch count per label. The loop thread is the only writer (release stores, no
 * fence); any thread reads. Labels are few (routes, "timer", "tcp", ...), but a runaway producer of
 * distinct labels must not grow memory: past {@link #MAX_LABELS} they share {@link #OTHER}.
 */
final class LabelTimes {

    static final int MAX_LABELS = 1000;
    static final String OTHER = "(other)";
    private static final int CACHE = 16; // a power of two

    private final ConcurrentHashMap<String, Counter> counters = new ConcurrentHashMap<>();
    /** Loop thread: the counters of recent labels by the label's hash, checked by identity. */
    private final String[] cachedLabels = new String[CACHE];
    private final Counter[] cachedCounters = new Counter[CACHE];

    /** One label's numbers: published totals, and (loop thread only) its exactly timed dispatches. */
    static final class Counter {
        private final AtomicLong nanos = new AtomicLong();
        private final AtomicLong dispatches = new AtomicLong();
        private long timedNanos;
        private long timed;

        /** Loop thread: a dispatch that ran {@code self} nanoseconds. */
        void add(long self) {
            nanos.setRelease(nanos.getPlain() + self);
            dispatches.setRelease(dispatches.getPlain() + 1);
        }

        /** Loop thread: as {@link #add}, for a dispatch timed by its own two readings. */
        void addTimed(long self) {
            add(self);
            timedNanos += self;
            timed++;
        }

        /** Loop thread: the mean of the timed dispatches, the estimate for an untimed one. */
        long meanTimedNanos() {
            return timed == 0 ? 0 : timedNanos / timed;
        }
    }

    /** Loop thread: the counter of {@code label}, created on first use. */
    Counter counter(String label) {
        int slot = label.hashCode() & (CACHE - 1);
        if (cachedLabels[slot] == label) {
            return cachedCounters[slot];
        }
        Counter counter = counters.get(label);
        if (counter == null) {
            counter = counters.computeIfAbsent(counters.size() < MAX_LABELS ? label : OTHER, k -> new Counter());
        }
        cachedLabels[slot] = label;
        cachedCounters[slot] = counter;
        return counter;
    }

    /** The {@code limit} labels with the most loop time. Any thread. */
    List<LabelTime> top(int limit) {
        List<LabelTime> all = new ArrayList<>(counters.size());
        counters.forEach((label, c) -> all.add(new LabelTime(label, c.nanos.getAcquire(), c.dispatches.getAcquire())));
        all.sort(Comparator.comparingLong(LabelTime::nanos).reversed().thenComparing(LabelTime::label));
        return List.copyOf(all.subList(0, Math.min(limit, all.size())));
    }
}
