package dev.spindle.http;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An HTTP request as a handler sees it: method, target, headers, the route's path parameters, the
 * query, and the body as a stream or collected. Loop thread only.
 */
public interface Request {

    HttpMethod method();

    HttpVersion version();

    /** The request target exactly as sent, e.g. {@code /users/7?full=true}. */
    String target();

    /** The target's path, not decoded, e.g. {@code /users/7}. */
    String path();

    /** The target's query string without the '?', not decoded; empty when none. */
    String rawQuery();

    /** The first value of query parameter {@code name}, decoded. */
    Optional<String> query(String name);

    /** Every value of query parameter {@code name}, in order. */
    List<String> queryAll(String name);

    /** All query parameters, decoded, in order of first appearance. */
    Map<String, List<String>> queryParams();

    /**
     * The decoded path parameter {@code name} of the matched route ({@code :id} in
     * {@code /users/:id}).
     *
     * @throws IllegalArgumentException when the route has no such parameter or an optional one is absent
     */
    String param(String name);

    /** Every path parameter of the matched route. */
    Map<String, String> params();

    /** The first header field called {@code name} (case-insensitive). */
    Optional<String> header(String name);

    /** Every value of the header fields called {@code name}, in order. */
    List<String> headerValues(String name);

    /** Every header field as received, in order. */
    List<HeaderField> headers();

    /** The client's address. */
    InetSocketAddress remoteAddress();

    /** The matched route as a label, e.g. {@code GET /users/:id}; what the loop monitor reports. */
    String route();

    /** The body: a stream with backpressure, or collected into bytes, text or JSON. */
    RequestBody body();

    /**
     * Calls {@code listener} once if the request dies before its response is finished: the client
     * closed the connection (or, unless {@link HttpServerOptions#allowHalfOpen()}, half-closed it),
     * or the server cut it (a timeout, a malformed body). Use it to cancel work done for the
     * request, as Node's {@code req.on('close')} with an unfinished response.
     */
    Request onAbort(Runnable listener);

    /** Whether the request died before its response was finished; see {@link #onAbort}. */
    boolean isAborted();

    /** A value a middleware stored for later steps, or null. */
    <T> T attribute(String key);

    /** Stores a value for later steps of this request's pipeline. */
    Request attribute(String key, Object value);
}
