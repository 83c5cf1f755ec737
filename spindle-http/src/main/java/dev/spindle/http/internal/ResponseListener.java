package dev.spindle.http.internal;

import dev.spindle.http.HttpException;
import java.nio.ByteBuffer;

/**
 * What a {@link ResponseParser} found in the bytes it was fed, in order: for each final response
 * one {@link #onHead}, any number of {@link #onBody}, then {@link #onMessageComplete}; or, at any
 * point, one {@link #onError} after which nothing follows. Interim (1xx) responses are checked and
 * skipped; trailer fields are checked and dropped.
 *
 * <p>Called on the thread that calls {@link ResponseParser#feed}, during that call. An exception a
 * callback throws propagates out of {@code feed}, and the parser must not be used again.
 */
public interface ResponseListener {

    /**
     * Whether the response whose status line just arrived should report every header field; when
     * false, only the fields that frame it or end the connection (Connection, Content-Length,
     * Transfer-Encoding) are decoded and {@link ResponseHead#headers()} is empty, which spares a
     * client that wants only the status a string per field. Every line is checked either way.
     */
    default boolean wantsHeaders() {
        return true;
    }

    /**
     * Whether the response whose header section just ended answers a HEAD request: then it has no
     * body, whatever its Content-Length or Transfer-Encoding say (RFC 9110 section 9.3.2). Asked
     * once per final response, before {@link #onHead}.
     */
    boolean answersHead();

    /** The status line and header section of the next final response are complete and valid. */
    void onHead(ResponseHead head);

    /**
     * The next piece of the body, de-chunked: a slice of the buffer passed to {@code feed}, valid
     * only during this call.
     */
    void onBody(ByteBuffer data);

    /**
     * The response is complete. If its head said {@code keepAlive}, the parser goes on with the
     * next response; otherwise it consumes no more input.
     */
    void onMessageComplete();

    /** The input is not a valid response ({@code error.status()} is 502); the parser consumes no more input. */
    void onError(HttpException error);
}
