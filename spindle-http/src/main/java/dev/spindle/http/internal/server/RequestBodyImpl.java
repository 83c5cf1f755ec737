package dev.spindle.http.internal.server;

import dev.spindle.http.HttpException;
import dev.spindle.http.RequestBody;
import dev.spindle.loop.Loop;
import dev.spindle.loop.Promise;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.function.Consumer;

/**
 * A request body as a paused-until-read stream, like Node's {@code IncomingMessage}: chunks that
 * arrive before anyone listens, or while paused, are held up to a high-water mark, past which the
 * connection stops parsing and reading. Collecting helpers sit on top of the stream.
 */
final class RequestBodyImpl implements RequestBody {

    /** Bytes held for a consumer that is not reading before the connection stops reading. */
    static final int HIGH_WATER_MARK = 64 * 1024;

    private final ServerExchange exchange;
    private final Loop loop;
    private final long contentLength;
    private final long defaultLimit;
    private final ArrayDeque<byte[]> held = new ArrayDeque<>();
    private long heldBytes;
    private Consumer<ByteBuffer> dataListener;
    private Runnable endListener;
    private Consumer<Throwable> errorListener;
    private boolean flowing;
    private boolean paused;
    private boolean throttled;
    private boolean ended;
    private boolean endDelivered;
    private boolean flushQueued;
    private Throwable failure;

    RequestBodyImpl(ServerExchange exchange, Loop loop, long contentLength, long defaultLimit) {
        this.exchange = exchange;
        this.loop = loop;
        this.contentLength = contentLength;
        this.defaultLimit = defaultLimit;
    }

    // ---------------------------------------------------------------- from the connection

    void noBody() {
        ended = true;
    }

    void deliver(ByteBuffer data) {
        if (flowing && !paused && held.isEmpty()) {
            emitData(data);
            return;
        }
        byte[] copy = new byte[data.remaining()];
        data.get(copy);
        held.add(copy);
        heldBytes += copy.length;
        if (heldBytes >= HIGH_WATER_MARK && !throttled) {
            throttled = true;
            exchange.pauseBody();
        }
    }

    void end() {
        ended = true;
        scheduleFlush();
    }

    void fail(Throwable error) {
        if (ended || failure != null) {
            return;
        }
        failure = error;
        if (errorListener != null) {
            emitError(errorListener, error);
        }
    }

    /** Whether the application has started reading the body. */
    boolean isRead() {
        return flowing;
    }

    /** Bytes received and held for a consumer that is not reading (or paused). */
    long heldBytes() {
        return heldBytes;
    }

    /** The connection the body arrives on. */
    HttpConnection connection() {
        return exchange.connection();
    }

    // ---------------------------------------------------------------- the stream

    @Override
    public long contentLength() {
        return contentLength;
    }

    @Override
    public RequestBody onData(Consumer<ByteBuffer> listener) {
        this.dataListener = listener;
        this.flowing = true;
        exchange.bodyWanted();
        scheduleFlush();
        return this;
    }

    @Override
    public RequestBody onEnd(Runnable listener) {
        this.endListener = listener;
        scheduleFlush();
        return this;
    }

    @Override
    public RequestBody onError(Consumer<Throwable> listener) {
        this.errorListener = listener;
        if (failure != null) {
            loop.nextTick(() -> emitError(listener, failure));
        }
        return this;
    }

    @Override
    public void pause() {
        paused = true;
    }

    @Override
    public void resume() {
        paused = false;
        scheduleFlush();
    }

    /** Held chunks flow on the next tick, as Node's {@code resume()}: the caller can finish attaching listeners. */
    private void scheduleFlush() {
        if (!flushQueued && flowing) {
            flushQueued = true;
            loop.nextTick(this::flush);
        }
    }

    private void flush() {
        flushQueued = false;
        while (!paused && !held.isEmpty() && dataListener != null) {
            byte[] chunk = held.poll();
            heldBytes -= chunk.length;
            emitData(ByteBuffer.wrap(chunk));
        }
        if (throttled && !paused && heldBytes < HIGH_WATER_MARK / 2) {
            throttled = false;
            exchange.resumeBody();
        }
        if (ended && held.isEmpty() && !endDelivered && endListener != null && !paused) {
            endDelivered = true;
            try {
                endListener.run();
            } catch (RuntimeException | Error e) {
                exchange.listenerFailed(e);
            }
        }
    }

    /** Hands a chunk to the data listener; one that throws fails the request and stops the flow. */
    private void emitData(ByteBuffer data) {
        try {
            dataListener.accept(data);
        } catch (RuntimeException | Error e) {
            paused = true; // no more chunks, and no end, for a listener that failed
            exchange.listenerFailed(e);
        }
    }

    private void emitError(Consumer<Throwable> listener, Throwable error) {
        try {
            listener.accept(error);
        } catch (RuntimeException | Error e) {
            exchange.listenerFailed(e);
        }
    }

    // ---------------------------------------------------------------- collecting

    @Override
    public Promise<byte[]> bytes() {
        return bytes(defaultLimit);
    }

    @Override
    public Promise<byte[]> bytes(long maxBytes) {
        Promise<byte[]> result = loop.promise();
        if (contentLength > maxBytes) {
            result.reject(tooLarge(maxBytes));
            return result;
        }
        ByteArrayOutputStream collected = new ByteArrayOutputStream(contentLength > 0 ? (int) contentLength : 256);
        onError(result::reject);
        onEnd(() -> result.resolve(collected.toByteArray()));
        onData(chunk -> {
            if (collected.size() + (long) chunk.remaining() > maxBytes) {
                pause();
                result.reject(tooLarge(maxBytes));
                return;
            }
            byte[] bytes = new byte[chunk.remaining()];
            chunk.get(bytes);
            collected.writeBytes(bytes);
        });
        return result;
    }

    @Override
    public Promise<String> text() {
        return bytes().map(bytes -> new String(bytes, StandardCharsets.UTF_8));
    }

    @Override
    public <T> Promise<T> json(Class<T> type) {
        return bytes().map(bytes -> Json.read(bytes, type));
    }

    private static HttpException tooLarge(long maxBytes) {
        return new HttpException(413, "the request body is larger than " + maxBytes + " bytes");
    }
}
