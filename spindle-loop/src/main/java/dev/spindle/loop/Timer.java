package dev.spindle.loop;

/**
 * A timeout or interval created by {@link Loop#setTimeout} or {@link Loop#setInterval}; closing it
 * is Node's {@code clearTimeout}. Loop thread only.
 */
public interface Timer extends Handle {

    /** The largest delay Node accepts; anything larger (or below 1) becomes 1 ms. */
    long MAX_DELAY_MILLIS = 2_147_483_647L;

    /**
     * Restarts the countdown from {@link Loop#now()} with the original delay, re-arming a timeout
     * that already fired, as Node's {@code timeout.refresh()}. A no-op on a closed timer.
     */
    Timer refresh();

    /** The delay (or period, for an interval) in milliseconds, after Node's coercion. */
    long delayMillis();

    /** Whether this timer repeats. */
    boolean isInterval();

    @Override
    Timer ref();

    @Override
    Timer unref();
}
