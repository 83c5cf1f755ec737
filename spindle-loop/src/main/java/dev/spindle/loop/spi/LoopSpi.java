package dev.spindle.loop.spi;

import dev.spindle.loop.Loop;
import java.nio.channels.SelectableChannel;

/**
 * The loop as the I/O modules and the monitor see it: the one dispatch method, the selector seam,
 * reference counting for handles and requests, and the pending and close queues. Not for
 * applications. Loop thread only, unless a method says otherwise.
 */
public interface LoopSpi {

    /** The extension view of {@code loop}. */
    static LoopSpi of(Loop loop) {
        if (loop instanceof LoopSpi spi) {
            return spi;
        }
        throw new IllegalArgumentException("not a Spindle loop: " + loop);
    }

    /** The loop itself. */
    Loop loop();

    /**
     * Runs a user callback the only way user code is run: tells the observers, catches and routes
     * a {@link Throwable} to the uncaught-exception handler, and afterwards drains nextTicks and
     * microtasks. May nest.
     */
    void dispatch(String label, Runnable callback);

    /** Routes an exception that no owner handled to the loop's uncaught-exception handler. */
    void reportUncaught(Throwable error);

    /** Registers {@code channel} (already non-blocking) with the loop's selector. */
    IoRegistration register(SelectableChannel channel, int ops, IoHandler handler);

    /** Counts one more active, referenced handle or request: the loop stays alive. */
    void ref();

    /** Releases one {@link #ref()}. */
    void unref();

    /** Queues {@code callback} for the next pending phase (libuv's deferred I/O callbacks). */
    void defer(Runnable callback);

    /** Queues {@code callback} for this turn's close phase. */
    void closeLater(Runnable callback);

    /** Adds an observer; it sees the next phase or dispatch to start. */
    void addObserver(LoopObserver observer);

    /** Removes an observer. */
    void removeObserver(LoopObserver observer);

    /** Adds an observer of the blocking pool's tasks; it is called on pool threads. Any thread. */
    void addPoolObserver(PoolObserver observer);

    /** Removes a pool observer. Any thread. */
    void removePoolObserver(PoolObserver observer);
}
