package dev.spindle.monitor.internal;

import dev.spindle.monitor.BlockedCallback;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** The watchdog's tally per label: blocks, the worst and the latest duration, the latest stack. Any thread. */
final class BlockedStats {

    private final ConcurrentHashMap<String, Entry> byLabel = new ConcurrentHashMap<>();
    private final AtomicLong total = new AtomicLong();

    private static final class Entry {
        private long count;
        private long worst;
        private long last;
        private List<StackTraceElement> stack = List.of();

        synchronized void counted(long nanos, List<StackTraceElement> seen) {
            count++;
            timed(nanos);
            if (!seen.isEmpty()) {
                stack = seen;
            }
        }

        synchronized void timed(long nanos) {
            last = nanos;
            worst = Math.max(worst, nanos);
        }

        synchronized BlockedCallback read(String label) {
            return new BlockedCallback(label, count, worst, last, stack);
        }
    }

    /** A new block of {@code label}, seen {@code nanos} in, with the loop's stack (maybe empty). */
    void counted(String label, long nanos, List<StackTraceElement> stack) {
        String key = byLabel.size() < LabelTimes.MAX_LABELS || byLabel.containsKey(label) ? label : LabelTimes.OTHER;
        byLabel.computeIfAbsent(key, k -> new Entry()).counted(nanos, stack);
        total.incrementAndGet();
    }

    /** The final duration of a block already counted. */
    void ended(String label, long nanos) {
        Entry entry = byLabel.get(label);
        if (entry == null) {
            entry = byLabel.get(LabelTimes.OTHER);
        }
        if (entry != null) {
            entry.timed(nanos);
        }
    }

    long total() {
        return total.get();
    }

    List<BlockedCallback> list() {
        List<BlockedCallback> all = new ArrayList<>();
        byLabel.forEach((label, entry) -> all.add(entry.read(label)));
        all.sort(Comparator.comparingLong(BlockedCallback::count).reversed().thenComparing(BlockedCallback::label));
        return all;
    }
}
