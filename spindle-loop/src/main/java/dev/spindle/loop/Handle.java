package dev.spindle.loop;

/**
 * A long-lived loop object (timer, server, socket, keep-alive): active while it can still produce
 * callbacks, and counted by {@link Loop#run()} unless unreferenced. Loop thread only.
 */
public interface Handle extends AutoCloseable {

    /** Whether the handle is active: it will produce callbacks unless stopped or closed. */
    boolean isActive();

    /** Makes the handle keep the loop alive again while active (the default). Idempotent. */
    Handle ref();

    /** Lets {@link Loop#run()} return even while this handle is active. Idempotent. */
    Handle unref();

    /** Whether the handle counts towards keeping the loop alive. */
    boolean hasRef();

    /** Whether {@link #close()} has been called. */
    boolean isClosed();

    /** Stops the handle for good; its close callbacks run in the close phase. Idempotent. */
    @Override
    void close();
}
