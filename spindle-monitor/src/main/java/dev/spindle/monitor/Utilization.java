package dev.spindle.monitor;

/**
 * Event-loop utilization, Node's {@code eventLoopUtilization()}: the loop is idle while it waits in
 * the poll phase's selector, and active the rest of the time (running callbacks, and the loop's own
 * bookkeeping). A reading covers the time since the monitor started; {@link #since} turns two
 * readings into the utilization of the time between them.
 *
 * @param idleNanos time spent waiting for I/O or timers in the poll phase
 * @param activeNanos the rest of the elapsed time
 * @param utilization {@code active / (active + idle)}, 0..1; 0 when no time has passed
 */
public record Utilization(long idleNanos, long activeNanos, double utilization) {

    /** A reading of {@code idle} and {@code active} nanoseconds. */
    public static Utilization of(long idleNanos, long activeNanos) {
        long total = idleNanos + activeNanos;
        return new Utilization(idleNanos, activeNanos, total <= 0 ? 0 : (double) activeNanos / total);
    }

    /** The utilization between {@code earlier} and this reading, as Node's {@code eventLoopUtilization(u1)}. */
    public Utilization since(Utilization earlier) {
        return of(Math.max(0, idleNanos - earlier.idleNanos), Math.max(0, activeNanos - earlier.activeNanos));
    }
}
