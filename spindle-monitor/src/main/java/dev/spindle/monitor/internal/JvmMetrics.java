package dev.spindle.monitor.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.util.List;

/** Heap, non-heap and collector readings from the platform MXBeans, plus a heap sample for shedding. */
final class JvmMetrics {

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private volatile long sampledHeapUsed;

    record Gc(String name, long count, long millis) {}

    /** Takes the heap reading the shedding check compares; called every second. */
    void sample() {
        sampledHeapUsed = memory.getHeapMemoryUsage().getUsed();
    }

    long sampledHeapUsed() {
        return sampledHeapUsed;
    }

    MemoryUsage heap() {
        return memory.getHeapMemoryUsage();
    }

    MemoryUsage nonHeap() {
        return memory.getNonHeapMemoryUsage();
    }

    List<Gc> collectors() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(gc -> new Gc(gc.getName(), Math.max(0, gc.getCollectionCount()), Math.max(0, gc.getCollectionTime())))
                .toList();
    }

    int liveThreads() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }
}
