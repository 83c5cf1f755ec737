package dev.spindle.net.internal;

import static java.nio.channels.SelectionKey.OP_CONNECT;
import static java.nio.channels.SelectionKey.OP_READ;
import static java.nio.channels.SelectionKey.OP_WRITE;

import dev.spindle.loop.Timer;
import dev.spindle.loop.spi.HandleBase;
import dev.spindle.loop.spi.IoHandler;
import dev.spindle.loop.spi.IoRegistration;
import dev.spindle.loop.spi.LoopSpi;
import dev.spindle.net.NetException;
import dev.spindle.net.TcpSocket;
import dev.spindle.net.TcpSocketOptions;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A TCP connection: its life (connecting, half-closes, tear-down with error and close events in
 * the close phase), its listeners and its idle timeout. Reading is {@link SocketInput}'s, writing
 * and backpressure {@link SocketOutput}'s. Every listener runs through a nested
 * {@link LoopSpi#dispatch}, so one that throws reaches the loop's uncaught-exception handler without
 * cutting short the socket's own bookkeeping. The data event, fired per read, is pre-bound: the hot
 * path allocates nothing. The rarer ones (end, drain, error, close) are bound when they fire, so an
 * idle socket does not hold them.
 */
public final class TcpSocketImpl extends HandleBase implements TcpSocket, IoHandler {

    private final SocketChannel channel;
    private final NetContext context;
    private final TcpSocketOptions options;
    private final SocketInput input = new SocketInput(this);
    private final SocketOutput output = new SocketOutput(this);
    private final Runnable onRelease;
    private IoRegistration registration;
    private int interest;
    private SocketOpener.ConnectCallback connecting;
    private InetSocketAddress remote;
    private InetSocketAddress local;

    private Throwable error;
    private Timer idleTimer;
    private Runnable timeoutListener;

    private Runnable endListener;
    private Runnable drainListener;
    private Consumer<Throwable> errorListener;
    private Consumer<Boolean> closeListener;

    private TcpSocketImpl(LoopSpi loop, SocketChannel channel, TcpSocketOptions options, Runnable onRelease) {
        super(loop);
        this.channel = channel;
        this.context = NetContext.of(loop);
        this.options = options;
        this.onRelease = onRelease;
    }

    /**
     * A socket on {@code channel}, configured and connected or connecting (see {@link SocketOpener}),
     * registered with the loop; {@code connecting} hears how a connect ends, null for a socket
     * that was accepted. Reading starts once a data listener is set.
     */
    static TcpSocketImpl open(LoopSpi loop, SocketChannel channel, TcpSocketOptions options, Runnable onRelease,
            InetSocketAddress remote, SocketOpener.ConnectCallback connecting) throws IOException {
        TcpSocketImpl socket = new TcpSocketImpl(loop, channel, options, onRelease);
        socket.remote = remote;
        socket.connecting = connecting;
        if (connecting == null) {
            socket.local = (InetSocketAddress) channel.getLocalAddress();
        }
        socket.registration = loop.register(channel, 0, socket);
        socket.activate();
        return socket;
    }

    // ---------------------------------------------------------------- readiness

    @Override
    public void onReady(int readyOps) {
        if (connecting != null) {
            finishConnect();
            return;
        }
        if ((readyOps & OP_WRITE) != 0) {
            output.flush(channel, context.writeBuffer);
        }
        if ((readyOps & OP_READ) != 0) {
            input.read(channel, context.readBuffer);
        }
    }

    @Override
    public String label() {
        return "tcp";
    }

    /** Completes a connect that the kernel has finished (or that finished at once). */
    void finishConnect() {
        try {
            if (!channel.finishConnect()) {
                return;
            }
            local = (InetSocketAddress) channel.getLocalAddress();
        } catch (IOException e) {
            connectFailed(e);
            return;
        }
        SocketOpener.ConnectCallback callback = connecting;
        connecting = null;
        updateInterest();
        callback.connected(this);
    }

    /** A failed attempt closes quietly: nobody holds the socket yet, so there is nobody to tell but the connector. */
    void connectFailed(IOException e) {
        SocketOpener.ConnectCallback callback = connecting;
        connecting = null;
        close();
        callback.failed(NetErrors.of(e, "connect", remote));
    }

    // ---------------------------------------------------------------- for the input and output halves

    boolean isReading() {
        return input.wantsToRead() && connecting == null && !isClosed();
    }

    /** Asks the selector for exactly what the socket can use now; a syscall only on change. */
    void updateInterest() {
        if (registration == null || isClosed()) {
            return;
        }
        int wanted = connecting != null ? OP_CONNECT : (isReading() ? OP_READ : 0) | (output.hasQueued() ? OP_WRITE : 0);
        if (wanted != interest) {
            interest = wanted;
            registration.interestOps(wanted);
        }
    }

    void touch() {
        if (idleTimer != null) {
            idleTimer.refresh();
        }
    }

    void dispatch(String label, Runnable event) {
        loop.dispatch(label, event);
    }

    /** A read, write or shutdown failed: the socket is destroyed with the error. */
    void failed(IOException e, String operation) {
        destroy(NetErrors.of(e, operation, remote));
    }

    /** The peer sent its FIN. */
    void peerEnded() {
        updateInterest();
        loop.dispatch("net.end", () -> run(endListener));
        if (isClosed()) {
            return;
        }
        if (output.isShut()) {
            close(); // both directions are done
        } else if (!options.allowHalfOpen()) {
            end();
        }
    }

    /** The output was shut down after the last queued byte. */
    void outputShut() {
        if (input.isEnded()) {
            close();
        }
    }

    /** The queue emptied after a write returned false. */
    void drained() {
        loop.dispatch("net.drain", () -> run(drainListener));
    }

    /** An error for the error listener, in the next pending phase. */
    void reportLater(Throwable failure) {
        loop.defer(() -> loop.dispatch("net.error", () -> deliver(failure)));
    }

    // ---------------------------------------------------------------- writing

    @Override
    public boolean write(ByteBuffer data) {
        return write(Objects.requireNonNull(data, "data"), false);
    }

    @Override
    public boolean write(byte[] data) {
        return write(ByteBuffer.wrap(data), false);
    }

    @Override
    public boolean write(String data) {
        return write(ByteBuffer.wrap(data.getBytes(StandardCharsets.UTF_8)), true);
    }

    private boolean write(ByteBuffer data, boolean owned) {
        Threads.checkLoopThread(loop.loop());
        return output.write(channel, context.writeBuffer, data, owned, options.highWaterMark());
    }

    @Override
    public void end() {
        Threads.checkLoopThread(loop.loop());
        output.end(channel);
    }

    @Override
    public void destroy() {
        Threads.checkLoopThread(loop.loop());
        close();
    }

    @Override
    public void destroy(Throwable cause) {
        Threads.checkLoopThread(loop.loop());
        if (!isClosed()) {
            error = Objects.requireNonNull(cause, "cause");
            close();
        }
    }

    @Override
    public void resetAndDestroy() {
        Threads.checkLoopThread(loop.loop());
        if (isClosed()) {
            return;
        }
        try {
            channel.setOption(StandardSocketOptions.SO_LINGER, 0);
        } catch (IOException e) {
            // the socket is going anyway; an orderly close is the fallback
        }
        close();
    }

    @Override
    protected void onClose() {
        if (registration != null) {
            registration.cancel();
        }
        try {
            channel.close();
        } catch (IOException e) {
            // nothing useful to do with a failed close
        }
        output.clear();
        if (idleTimer != null) {
            idleTimer.close();
            idleTimer = null;
        }
        if (onRelease != null) {
            onRelease.run();
        }
    }

    @Override
    protected void onClosed() {
        if (error != null) {
            loop.dispatch("net.error", this::deliverError);
        }
        loop.dispatch("net.close", () -> {
            if (closeListener != null) {
                closeListener.accept(error != null);
            }
        });
    }

    private void deliverError() {
        deliver(error);
    }

    private void deliver(Throwable failure) {
        if (errorListener != null) {
            errorListener.accept(failure);
        } else {
            loop.reportUncaught(failure);
        }
    }

    private static void run(Runnable listener) {
        if (listener != null) {
            listener.run();
        }
    }

    // ---------------------------------------------------------------- listeners

    @Override
    public TcpSocket onData(Consumer<ByteBuffer> listener) {
        Threads.checkLoopThread(loop.loop());
        input.listener(Objects.requireNonNull(listener, "listener"));
        updateInterest();
        return this;
    }

    @Override
    public TcpSocket onBytes(Consumer<byte[]> listener) {
        Objects.requireNonNull(listener, "listener");
        return onData(buffer -> {
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            listener.accept(bytes);
        });
    }

    @Override
    public TcpSocket onEnd(Runnable listener) {
        Threads.checkLoopThread(loop.loop());
        endListener = listener;
        return this;
    }

    @Override
    public TcpSocket onDrain(Runnable listener) {
        Threads.checkLoopThread(loop.loop());
        drainListener = listener;
        return this;
    }

    @Override
    public TcpSocket onError(Consumer<Throwable> listener) {
        Threads.checkLoopThread(loop.loop());
        errorListener = listener;
        return this;
    }

    @Override
    public TcpSocket onClose(Consumer<Boolean> listener) {
        Threads.checkLoopThread(loop.loop());
        closeListener = listener;
        return this;
    }

    // ---------------------------------------------------------------- flow and timeouts

    @Override
    public TcpSocket pause() {
        Threads.checkLoopThread(loop.loop());
        input.paused(true);
        updateInterest();
        return this;
    }

    @Override
    public TcpSocket resume() {
        Threads.checkLoopThread(loop.loop());
        input.paused(false);
        updateInterest(); // no read here: a data listener must never run inside the caller's callback
        return this;
    }

    @Override
    public boolean isPaused() {
        return input.isPaused();
    }

    @Override
    public TcpSocket setTimeout(long idleMillis, Runnable callback) {
        Threads.checkLoopThread(loop.loop());
        if (idleMillis < 0) {
            throw new IllegalArgumentException("idleMillis must be >= 0, was " + idleMillis);
        }
        if (idleTimer != null) {
            idleTimer.close();
            idleTimer = null;
        }
        timeoutListener = callback;
        if (idleMillis > 0 && !isClosed()) {
            idleTimer = loop.loop().setTimeout(this::onIdle, idleMillis).unref();
        }
        return this;
    }

    private void onIdle() {
        if (!isClosed() && timeoutListener != null) {
            timeoutListener.run();
        }
    }

    @Override
    public TcpSocket setNoDelay(boolean noDelay) {
        Threads.checkLoopThread(loop.loop());
        try {
            channel.setOption(StandardSocketOptions.TCP_NODELAY, noDelay);
        } catch (IOException e) {
            throw NetErrors.of(e, "setsockopt", remote);
        }
        return this;
    }

    // ---------------------------------------------------------------- state

    @Override
    public InetSocketAddress remoteAddress() {
        return remote;
    }

    @Override
    public InetSocketAddress localAddress() {
        return local;
    }

    @Override
    public long bytesRead() {
        return input.bytesRead();
    }

    @Override
    public long bytesWritten() {
        return output.bytesWritten();
    }

    @Override
    public long bufferedBytes() {
        return output.queuedBytes();
    }

    @Override
    public boolean isReadEnded() {
        return input.isEnded();
    }

    @Override
    public boolean isEnded() {
        return output.isEnding();
    }

    @Override
    public TcpSocketOptions options() {
        return options;
    }

    @Override
    public TcpSocket ref() {
        super.ref();
        return this;
    }

    @Override
    public TcpSocket unref() {
        super.unref();
        return this;
    }

    @Override
    public String toString() {
        return "TcpSocket[" + NetErrors.describe(local) + " -> " + NetErrors.describe(remote)
                + (isClosed() ? ", closed" : "") + "]";
    }
}
