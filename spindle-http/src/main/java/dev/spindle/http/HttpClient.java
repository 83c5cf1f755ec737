package dev.spindle.http;

import dev.spindle.http.internal.client.HttpClientImpl;
import dev.spindle.loop.Loop;
import dev.spindle.loop.Promise;
import java.util.List;

/**
 * An HTTP/1.1 client on the loop: keep-alive connections pooled per origin and reused, optional
 * pipelining, connect and read timeouts, and a strict response parser of Spindle's own. Minimal on
 * purpose: no TLS, redirects, retries, cookies or decompression yet.
 *
 * <pre>{@code
 * HttpClient client = HttpClient.create(loop);
 * client.get("http://127.0.0.1:3000/")
 *     .then(response -> System.out.println(response.status() + " " + response.text()));
 * }</pre>
 *
 * <p>Idle pooled connections do not keep the loop alive. A failure rejects the promise with an
 * {@link HttpClientException} whose {@link HttpClientException#kind() kind} says what went wrong.
 * Loop thread only: create it, call it and see its promises settle on one loop.
 */
public interface HttpClient extends AutoCloseable {

    /** A client with the {@linkplain HttpClientOptions#DEFAULTS default options}. */
    static HttpClient create(Loop loop) {
        return create(loop, HttpClientOptions.DEFAULTS);
    }

    /** A client with {@code options}. */
    static HttpClient create(Loop loop, HttpClientOptions options) {
        return new HttpClientImpl(loop, options);
    }

    /**
     * Sends {@code request} on a pooled connection to its origin: an idle one, else a new one while
     * under {@link HttpClientOptions#maxConnectionsPerOrigin()}, else pipelined behind others up to
     * {@link HttpClientOptions#pipelining()}, else it waits for a connection to free up.
     */
    Promise<HttpClientResponse> send(HttpClientRequest request);

    /** {@link #send} of {@code method} to {@code url} with these headers and body (empty for none). */
    default Promise<HttpClientResponse> request(HttpMethod method, String url, List<HeaderField> headers, byte[] body) {
        return send(HttpClientRequest.of(method, url, headers, body));
    }

    /** {@link #send} of a GET. */
    default Promise<HttpClientResponse> get(String url) {
        return send(HttpClientRequest.get(url));
    }

    /**
     * Opens a connection of the caller's own, outside the pool, with this client's timeouts and
     * limits; it fails with {@link HttpClientException.Kind#CONNECT_FAILED} or
     * {@link HttpClientException.Kind#CONNECT_TIMEOUT}.
     */
    Promise<HttpClientConnection> connect(String host, int port);

    /** Open connections, pooled and the caller's. */
    int connections();

    /** The options this client was created with. */
    HttpClientOptions options();

    /**
     * Closes every connection, pooled and the caller's; waiting requests fail with
     * {@link HttpClientException.Kind#CLIENT_CLOSED}. The client refuses new requests. Idempotent.
     */
    @Override
    void close();
}
