package dev.spindle.bench.showdown;

import java.nio.file.Path;

/**
 * How busy the machine was with work that was neither the server nor this process over one run, as
 * a share of all its cores: the CPU time {@code /proc/stat} counts as busy, minus the server's and
 * this process's own ({@code /proc/PID/stat}). The machine may be shared; a run with much other
 * work is a disturbed run, and the tables say so.
 */
final class OtherWork {

    private final long server;
    private final long busyAtStart;
    private final long serverAtStart;
    private final long selfAtStart;
    private final long totalAtStart;

    private OtherWork(long server) {
        this.server = server;
        long[] stat = stat();
        this.busyAtStart = stat[0];
        this.totalAtStart = stat[1];
        this.serverAtStart = processTicks(Long.toString(server));
        this.selfAtStart = processTicks("self");
    }

    /** Starts counting, with {@code serverPid} as the server. */
    static OtherWork start(long serverPid) {
        return new OtherWork(serverPid);
    }

    /**
     * Waits, up to {@code patience}, for half a second in which other work stays under {@code percent}
     * of all cores; returns the last share seen (under {@code percent} when the machine got quiet).
     */
    static double awaitQuiet(double percent, java.time.Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        double seen;
        do {
            OtherWork window = new OtherWork(-1);
            Thread.sleep(500);
            seen = window.percent();
        } while (seen >= percent && System.nanoTime() < deadline);
        return seen;
    }

    /** Other work since the start, in percent of all cores (0 to 100); -1 when /proc cannot tell. */
    double percent() {
        long[] stat = stat();
        long total = stat[1] - totalAtStart;
        if (total <= 0 || busyAtStart < 0) {
            return -1;
        }
        long other = (stat[0] - busyAtStart) - (processTicks(Long.toString(server)) - serverAtStart)
                - (processTicks("self") - selfAtStart);
        return Math.round(Math.max(0, other) * 1000.0 / total) / 10.0;
    }

    /** Busy and total jiffies of all CPUs, from the first line of /proc/stat; -1s when unreadable. */
    private static long[] stat() {
        for (String line : Machine.lines(Path.of("/proc/stat"))) {
            if (line.startsWith("cpu ")) {
                String[] fields = line.trim().split("\\s+");
                long total = 0;
                long idle = 0;
                for (int i = 1; i < fields.length && i <= 8; i++) {
                    long value = Long.parseLong(fields[i]);
                    total += value;
                    if (i == 4 || i == 5) { // idle, iowait
                        idle += value;
                    }
                }
                return new long[] {total - idle, total};
            }
        }
        return new long[] {-1, -1};
    }

    /** utime + stime of a process (children not included), in jiffies; 0 when it is gone. */
    private static long processTicks(String pid) {
        String stat = Machine.read(Path.of("/proc", pid, "stat"));
        int end = stat.lastIndexOf(')');
        if (end < 0) {
            return 0;
        }
        String[] fields = stat.substring(end + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // fields 14 and 15 of stat(5)
    }
}
