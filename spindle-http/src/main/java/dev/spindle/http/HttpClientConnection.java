package dev.spindle.http;

import dev.spindle.loop.Promise;
import java.net.InetSocketAddress;

/**
 * One HTTP/1.1 connection of an {@link HttpClient}, opened with {@link HttpClient#connect} and owned
 * by the caller, not the pool: what a load generator drives, one per simulated client.
 *
 * <p>{@link #send} writes at once, behind the requests still waiting (pipelining, as deep as the
 * caller likes), and responses settle the promises in request order. The request goes out as it
 * is, whatever host its URL names. A response with {@code Connection: close}, a timeout or a
 * failure ends the connection: the requests still waiting fail with an
 * {@link HttpClientException}, and {@link #isOpen()} turns false.
 *
 * <p>While requests wait, the connection keeps the loop alive; while idle it does not. Loop thread only.
 */
public interface HttpClientConnection extends AutoCloseable {

    /** Sends {@code request}; the promise settles on the loop with its response or an {@link HttpClientException}. */
    Promise<HttpClientResponse> send(HttpClientRequest request);

    /** Requests sent and not yet answered. */
    int inFlight();

    /** Whether the connection takes new requests: it is open and no response or failure ended it. */
    boolean isOpen();

    /** This end's address. */
    InetSocketAddress localAddress();

    /** The server's address. */
    InetSocketAddress remoteAddress();

    /** Bytes read from the socket so far. */
    long bytesRead();

    /** Bytes handed to the kernel so far. */
    long bytesWritten();

    /** Closes at once; requests still waiting fail with {@link HttpClientException.Kind#CLIENT_CLOSED}. Idempotent. */
    @Override
    void close();
}
