package dev.spindle.http;

import dev.spindle.loop.Promise;
import java.nio.ByteBuffer;
import java.util.function.Consumer;

/**
 * A request's body. Either stream it with {@link #onData}/{@link #onEnd} (the connection stops
 * reading while nobody consumes, so a slow handler never buffers without bound), or collect it with
 * {@link #bytes}, {@link #text} or {@link #json} under a size limit (413 past it). Loop thread only.
 */
public interface RequestBody {

    /** The declared length, or -1 for a chunked body. 0 when there is no body. */
    long contentLength();

    /**
     * Receives the body's chunks as they arrive; the buffer is valid only during the call. Starts
     * the flow: bytes held while nobody listened are delivered first.
     */
    RequestBody onData(Consumer<ByteBuffer> listener);

    /** Called once after the last chunk. */
    RequestBody onEnd(Runnable listener);

    /** Called if the body cannot be read to its end (the client went away, or it was malformed). */
    RequestBody onError(Consumer<Throwable> listener);

    /** Stops delivering chunks; the connection stops reading once its buffer fills. */
    void pause();

    /** Delivers chunks again. */
    void resume();

    /** Collects the body under the server's default limit. */
    Promise<byte[]> bytes();

    /** Collects the body; rejects with {@link HttpException} 413 past {@code maxBytes}. */
    Promise<byte[]> bytes(long maxBytes);

    /** Collects the body as UTF-8 text under the default limit. */
    Promise<String> text();

    /** Collects and parses the body as JSON into {@code type}; a parse error rejects with 400. */
    <T> Promise<T> json(Class<T> type);
}
