package dev.spindle.loop.spi;

/** A channel's registration with the loop's selector: change interest, or cancel it. Loop thread only. */
public interface IoRegistration {

    /** The operations ({@link java.nio.channels.SelectionKey} bits) the loop waits for. */
    int interestOps();

    /** Replaces the interest set; 0 stops readiness callbacks without cancelling. */
    void interestOps(int ops);

    /** Deregisters the channel; no further callbacks. Idempotent. */
    void cancel();

    /**
     * Deregisters the channel and closes it, its descriptor released before this returns. After
     * {@link #cancel()} and a plain close, the selector keeps the descriptor until the loop's next
     * poll, and a listening socket goes on completing handshakes until then. Idempotent.
     */
    void cancelAndClose() throws java.io.IOException;
}
