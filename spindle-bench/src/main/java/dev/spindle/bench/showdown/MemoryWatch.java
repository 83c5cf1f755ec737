package dev.spindle.bench.showdown;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A server's memory over one measured run: its resident set (VmRSS) before the run, sampled every
 * 100 ms during it, and its peak. The kernel's own high-water mark (VmHWM) is reset at the start,
 * through {@code /proc/PID/clear_refs}, so it covers this run only; when that cannot be written,
 * the highest sample stands in.
 */
final class MemoryWatch implements AutoCloseable {

    private static final long SAMPLE_MILLIS = 100;

    private final long pid;
    private final long before;
    private final AtomicLong highestSample = new AtomicLong();
    private final boolean hwmReset;
    private final Thread sampler;
    private volatile boolean running = true;

    private MemoryWatch(long pid) {
        this.pid = pid;
        this.hwmReset = resetPeak(pid);
        this.before = kib(pid, "VmRSS:");
        highestSample.set(before);
        this.sampler = Thread.ofPlatform().daemon().name("showdown-rss-" + pid).start(this::sample);
    }

    /** Starts watching process {@code pid}. */
    static MemoryWatch start(long pid) {
        return new MemoryWatch(pid);
    }

    private void sample() {
        while (running) {
            highestSample.accumulateAndGet(kib(pid, "VmRSS:"), Math::max);
            try {
                TimeUnit.MILLISECONDS.sleep(SAMPLE_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** RSS when the watch started, KiB. */
    long beforeKib() {
        return before;
    }

    /** The highest RSS since the watch started, KiB. */
    long peakKib() {
        long peak = highestSample.get();
        return hwmReset ? Math.max(peak, kib(pid, "VmHWM:")) : peak;
    }

    @Override
    public void close() {
        highestSample.accumulateAndGet(kib(pid, "VmRSS:"), Math::max);
        running = false;
        sampler.interrupt();
    }

    /** Writes 5 to clear_refs: the kernel resets the process's peak RSS to its current RSS. */
    private static boolean resetPeak(long pid) {
        try {
            Files.writeString(Path.of("/proc", Long.toString(pid), "clear_refs"), "5");
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** A {@code /proc/PID/status} field in KiB, 0 when the process is gone. */
    static long kib(long pid, String field) {
        for (String line : Machine.lines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith(field)) {
                return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
            }
        }
        return 0;
    }
}
