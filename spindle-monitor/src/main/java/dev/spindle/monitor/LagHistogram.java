package dev.spindle.monitor;

import java.time.Duration;

/**
 * The event-loop lag, Node's {@code monitorEventLoopDelay}: a repeating probe timer on the loop
 * (every {@link MonitorOptions#lagResolution()}, 10 ms by default) records, each time it runs, how
 * much later than its period it ran, into an HDR histogram in nanoseconds.
 *
 * <p>Unlike Node, a stall is counted the way a steady sampler would have seen it: a probe run that
 * comes 500 ms late also records the 49 runs the stall swallowed (490 ms, 480 ms, ... late), HdrHistogram's
 * correction for coordinated omission. So one long block weighs in the percentiles in proportion
 * to its length, not as one sample among thousands.
 *
 * <p>Any thread.
 */
public interface LagHistogram {

    /** Everything recorded since the monitor started or since {@link #reset()}. */
    LagSnapshot snapshot();

    /** The last {@link MonitorOptions#window()} only (a sliding window that moves in sixths). */
    LagSnapshot window();

    /** Forgets every sample, as Node's {@code histogram.reset()}. */
    void reset();

    /** The probe timer's period. */
    Duration resolution();
}
