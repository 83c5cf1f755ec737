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

    private final ConcurrentHashMap<String, Counter> counters = new ConcurrentHashMap<>();

    private static final class Counter {
        final AtomicLong nanos = new AtomicLong();
        final AtomicLong dispatches = new AtomicLong();
    }

    /** Loop thread. */
    void add(String label, long nanos) {
        Counter counter = counters.get(label);
        if (counter == null) {
            counter = counters.computeIfAbsent(counters.size() < MAX_LABELS ? label : OTHER, k -> new Counter());
        }
        counter.nanos.setRelease(counter.nanos.getPlain() + nanos);
        counter.dispatches.setRelease(counter.dispatches.getPlain() + 1);
    }

    /** The {@code limit} labels with the most loop time. Any thread. */
    List<LabelTime> top(int limit) {
        List<LabelTime> all = new ArrayList<>(counters.size());
        counters.forEach((label, c) -> all.add(new LabelTime(label, c.nanos.getAcquire(), c.dispatches.getAcquire())));
        all.sort(Comparator.comparingLong(LabelTime::nanos).reversed().thenComparing(LabelTime::label));
        return List.copyOf(all.subList(0, Math.min(limit, all.size())));
    }
}
