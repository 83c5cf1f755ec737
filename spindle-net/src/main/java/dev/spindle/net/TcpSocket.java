package dev.spindle.net;

import dev.spindle.loop.Handle;
import dev.spindle.loop.Loop;
import dev.spindle.loop.Promise;
import dev.spindle.net.internal.Connector;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * One TCP connection on a loop, from a {@link TcpServer} or from {@link #connect}: Node's
 * {@code net.Socket}, with events set as listeners (one per event; setting one replaces the last)
 * and writes that report backpressure. A handle: active, keeping the loop alive, until it closes.
 *
 * <p><b>Reading</b> starts once a data listener is set and stops while {@linkplain #pause()
 * paused}, as Node's flowing mode: without a data listener nothing is read, so neither
 * {@code end} nor a reset is noticed.
 *
 * <p><b>Writing.</b> {@link #write} tries the socket at once; what the kernel does not take is
 * copied to a queue and flushed when the socket is writable again. {@code write} returns false
 * once the queue holds {@link TcpSocketOptions#highWaterMark()} bytes or more; {@code drain} fires
 * when it has emptied. Writing after {@link #end()} or {@link #destroy()} returns false and emits
 * a {@link NetException} ({@value NetException#ERR_STREAM_WRITE_AFTER_END} or
 * {@value NetException#ERR_STREAM_DESTROYED}) as an {@code error} event in the next pending phase;
 * it does not destroy the socket.
 *
 * <p><b>Errors.</b> An I/O failure (for example {@value NetException#ECONNRESET}) destroys the
 * socket: the {@code error} event, then {@code close} with {@code hadError} true, both in the close
 * phase. An error with no error listener goes to the loop's uncaught-exception handler.
 *
 * <p>Loop thread only: every method must be called on the loop's thread, and every listener runs
 * there, through the loop's dispatch.
 */
public interface TcpSocket extends Handle {

    /**
     * Connects to {@code host:port}. An IP literal is used as it is; a name is resolved on the
     * loop's blocking pool and its addresses are tried in order. The promise resolves, on the loop,
     * once the connection is established, and rejects with a {@link NetException}
     * ({@value NetException#ECONNREFUSED}, {@value NetException#ENOTFOUND}, ...) otherwise.
     */
    static Promise<TcpSocket> connect(Loop loop, String host, int port, TcpSocketOptions options) {
        return Connector.connect(loop, host, port, options);
    }

    /** {@link #connect(Loop, String, int, TcpSocketOptions)} with the default options. */
    static Promise<TcpSocket> connect(Loop loop, String host, int port) {
        return connect(loop, host, port, TcpSocketOptions.DEFAULTS);
    }

    /** Connects to an already resolved address; see {@link #connect(Loop, String, int, TcpSocketOptions)}. */
    static Promise<TcpSocket> connect(Loop loop, InetSocketAddress address, TcpSocketOptions options) {
        return Connector.connect(loop, address, options);
    }

    // ---------------------------------------------------------------- events

    /**
     * Sets the data listener and starts reading unless paused. The buffer holds the bytes just read
     * and is valid only during the call: it is the loop's one read buffer, reused for the next read
     * of any socket. Copy what you keep.
     */
    TcpSocket onData(Consumer<ByteBuffer> listener);

    /** Sets a data listener that receives a copy of each chunk as an array; see {@link #onData}. */
    TcpSocket onBytes(Consumer<byte[]> listener);

    /** Sets the listener for the peer's end of data (it half-closed, or closed, its side). */
    TcpSocket onEnd(Runnable listener);

    /** Sets the listener for {@code drain}: the write queue emptied after {@link #write} returned false. */
    TcpSocket onDrain(Runnable listener);

    /** Sets the listener for errors; the socket is already destroyed when an I/O error arrives. */
    TcpSocket onError(Consumer<Throwable> listener);

    /**
     * Sets the listener for {@code close}, called once in the close phase after the socket closed;
     * the argument tells whether it closed because of an error.
     */
    TcpSocket onClose(Consumer<Boolean> listener);

    // ---------------------------------------------------------------- writing

    /**
     * Writes the buffer's remaining bytes, advancing its position; the caller may reuse the buffer
     * as soon as this returns. Returns false when the queue is at or above the high-water mark (wait
     * for {@code drain}), or when the socket is ended or destroyed (see the class comment).
     */
    boolean write(ByteBuffer data);

    /** Writes the array; see {@link #write(ByteBuffer)}. */
    boolean write(byte[] data);

    /** Writes the string as UTF-8; see {@link #write(ByteBuffer)}. */
    boolean write(String data);

    /**
     * Half-closes: flushes the queue, then shuts the sending side down so the peer reads its end.
     * The socket closes once the peer has ended too. Idempotent.
     */
    void end();

    /** Closes at once, dropping queued writes; {@code close} follows in the close phase. Idempotent. */
    void destroy();

    /** Destroys the socket with {@code error}: the {@code error} event, then {@code close(true)}. */
    void destroy(Throwable error);

    /** Destroys the socket with a TCP reset (SO_LINGER 0) instead of an orderly close. */
    void resetAndDestroy();

    /** The same as {@link #destroy()}. */
    @Override
    void close();

    // ---------------------------------------------------------------- flow and timeouts

    /** Stops reading (the kernel's buffer fills and the peer's writes back up). Idempotent. */
    TcpSocket pause();

    /** Starts reading again after {@link #pause()}. Idempotent. */
    TcpSocket resume();

    /** Whether {@link #pause()} is in effect. */
    boolean isPaused();

    /**
     * Calls {@code callback} when nothing has been read or written for {@code idleMillis}; 0 turns
     * the timeout off. The socket stays open: end or destroy it in the callback. Activity re-arms
     * the timer, so it fires once per idle period. The timer does not keep the loop alive.
     */
    TcpSocket setTimeout(long idleMillis, Runnable callback);

    /** {@link #setTimeout(long, Runnable)} with a {@link Duration}. */
    default TcpSocket setTimeout(Duration idle, Runnable callback) {
        return setTimeout(idle.toMillis(), callback);
    }

    /** Sets TCP_NODELAY. */
    TcpSocket setNoDelay(boolean noDelay);

    // ---------------------------------------------------------------- state

    /** The peer's address. */
    InetSocketAddress remoteAddress();

    /** This end's address. */
    InetSocketAddress localAddress();

    /** Bytes read from the socket so far. */
    long bytesRead();

    /** Bytes handed to the kernel so far (queued bytes count once they are sent). */
    long bytesWritten();

    /** Bytes queued for writing and not yet handed to the kernel (Node's {@code writableLength}). */
    long bufferedBytes();

    /** Whether the peer has ended its side and {@code end} was emitted. */
    boolean isReadEnded();

    /** Whether {@link #end()} has been called. */
    boolean isEnded();

    /** The options this socket was opened with. */
    TcpSocketOptions options();

    @Override
    TcpSocket ref();

    @Override
    TcpSocket unref();
}
