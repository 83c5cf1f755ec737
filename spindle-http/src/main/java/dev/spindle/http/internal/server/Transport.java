package dev.spindle.http.internal.server;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/**
 * The byte pipe under one HTTP connection: a TCP socket in production, an in-memory pipe in tests
 * (the idea of Netty's {@code EmbeddedChannel}). Inbound bytes and events go to the
 * {@link HttpConnection} it was attached to. Loop thread only.
 */
interface Transport {

    /** Connects inbound data, end and close to {@code connection}. */
    void attach(HttpConnection connection);

    /** Queues bytes; false once past the high-water mark ({@link HttpConnection#onDrain} follows). */
    boolean write(ByteBuffer data);

    /** Stops reading. */
    void pauseReading();

    /** Reads again. */
    void resumeReading();

    /** Flushes, then closes the sending side; the connection closes when both sides are done. */
    void end();

    /** Closes at once, dropping queued bytes. */
    void destroy();

    InetSocketAddress remoteAddress();

    /** Bytes queued for writing and not yet handed to the kernel. */
    long bufferedBytes();

    /** Whether reading is paused. */
    boolean isReadingPaused();
}
