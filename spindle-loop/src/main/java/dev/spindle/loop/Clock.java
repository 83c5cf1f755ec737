package dev.spindle.loop;

/**
 * The loop's monotonic time source, injectable so timer, lag and retry behaviour can be tested
 * exactly with a {@link ManualClock} (Netty's {@code Ticker}).
 */
public interface Clock {

    /** Monotonic nanoseconds, as {@link System#nanoTime()}. */
    long nanoTime();

    /**
     * Whether the loop may move this clock forward itself when it would otherwise wait for a timer.
     * Only virtual clocks answer true.
     */
    default boolean isVirtual() {
        return false;
    }

    /** For virtual clocks: moves time forward to {@code nanoTime}; the system clock refuses. */
    default void advanceTo(long nanoTime) {
        throw new UnsupportedOperationException("the system clock cannot be moved");
    }

    /** The system's monotonic clock. */
    static Clock system() {
        return SystemClock.INSTANCE;
    }
}
