package dev.spindle.http.internal;

import dev.spindle.http.HeaderField;
import dev.spindle.http.HttpException;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * What a {@link RequestParser} found in the bytes it was fed, in order: for each request one
 * {@link #onHead}, any number of {@link #onBody}, at most one {@link #onTrailers}, then
 * {@link #onMessageComplete}; or, at any point, one {@link #onError} after which nothing follows.
 *
 * <p>Called on the thread that calls {@link RequestParser#feed}, during that call. A callback may
 * call {@link RequestParser#pause()}; {@code feed} then returns as soon as the callback does. It
 * must not call {@code feed} itself. An exception a callback throws propagates out of
 * {@code feed}, and the parser must not be used again.
 */
public interface RequestListener {

    /** The request line and header section of the next request are complete and valid. */
    void onHead(RequestHead head);

    /**
     * The next piece of the request body, de-chunked. It is a slice of the buffer passed to
     * {@code feed}, not a copy: read it during this call, do not modify it, and copy whatever must
     * outlive the call.
     */
    void onBody(ByteBuffer data);

    /** The trailer fields after a chunked body; called only when there is at least one. */
    void onTrailers(List<HeaderField> trailers);

    /**
     * The request is complete. If its head said {@code keepAlive}, the parser goes on with the next
     * pipelined request, unless paused; otherwise it consumes no more input.
     */
    void onMessageComplete();

    /**
     * The input is not a valid request: answer {@code error.status()} (when nothing has been sent
     * for this request yet) and close the connection. The parser consumes no more input.
     */
    void onError(HttpException error);
}
