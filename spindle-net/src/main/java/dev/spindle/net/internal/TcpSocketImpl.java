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
 * A TCP connection: reads into the loop's shared buffer while flowing, writes at once and queues
 * the rest, half-closes, and tears down with error and close events in the close phase. Every
 * listener runs through a nested {@link LoopSpi#dispatch}, so one that throws reaches the loop's
 * uncaught-exception handler without cutting short the socket's own bookkeeping. The data event,
 * fired per read, is a pre-bound {@link Runnable}: the hot path allocates nothing. The rarer ones
 * (end, drain, error, close) are bound when they fire, so an idle socket does not hold them.
 */
public final class TcpSocketImpl extends HandleBase implements TcpSocket, IoHandler {

    /** Reads per readiness event, so one busy socket cannot starve the others (libuv reads 32). */
    static final int MAX_READS_PER_EVENT = 16;


    /** What a connecting socket tells its {@link Connector}. */
    interface ConnectCallback {
        void connected(TcpSocketImpl socket);

        void failed(NetException error);
    }

    private final SocketChannel channel;
    private final NetContext context;
    private final TcpSocketOptions options;
    private final WriteQueue queue = new WriteQueue();
    private final Runnable onRelease;
    private IoRegistration registration;
    private int interest;
    private ConnectCallback connecting;
    private InetSocketAddress remote;
    private InetSocketAddress local;

    private boolean paused;
    private boolean readEnded;
    private boolean ending;
    private boolean outputShut;
    private boolean needDrain;
    private Throwable error;
    private long bytesRead;
    private long bytesWritten;
    private Timer idleTimer;
    private Runnable timeoutListener;

    private Consumer<ByteBuffer> dataListener;
    private Runnable endListener;
    private Runnable drainListener;
    private Consumer<Throwable> errorListener;
    private Consumer<Boolean> closeListener;

    /** The chunk {@link #emitData} hands over; set only while it runs. */
    private ByteBuffer chunk;
    private final Runnable emitData = () -> dataListener.accept(chunk);

    private TcpSocketImpl(LoopSpi loop, SocketChannel channel, TcpSocketOptions options, Runnable onRelease) {
        super(loop);
        this.channel = channel;
        this.context = NetContext.of(loop);
        this.options = options;
        this.onRelease = onRelease;
    }

    /** Wraps a socket the server accepted; reading starts once a data listener is set. */
    static TcpSocketImpl accepted(LoopSpi loop, SocketChannel channel, TcpSocketOptions options,
            Runnable onRelease) throws IOException {
        configure(channel, options);
        TcpSocketImpl socket = new TcpSocketImpl(loop, channel, options, onRelease);
        socket.remote = (InetSocketAddress) channel.getRemoteAddress();
        socket.local = (InetSocketAddress) channel.getLocalAddress();
        socket.registration = loop.register(channel, 0, socket);
        socket.activate();
        return socket;
    }

    /** Starts connecting to {@code target}; {@code callback} hears the outcome, perhaps before this returns. */
    static void connect(LoopSpi loop, InetSocketAddress target, TcpSocketOptions options, ConnectCallback callback) {
        SocketChannel channel;
        try {
            channel = SocketChannel.open(Addresses.family(target.getAddress()));
        } catch (IOException e) {
            callback.failed(NetErrors.of(e, "socket", target));
            return;
        }
        TcpSocketImpl socket = new TcpSocketImpl(loop, channel, options, null);
        socket.remote = target;
        socket.connecting = callback;
        socket.activate();
        try {
            configure(channel, options);
            boolean done = channel.connect(target);
            socket.registration = loop.register(channel, 0, socket);
            if (done) {
                socket.finishConnect();
            } else {
                socket.updateInterest();
            }
        } catch (IOException e) {
            socket.connectFailed(e);
        }
    }

    private static void configure(SocketChannel channel, TcpSocketOptions options) throws IOException {
        channel.configureBlocking(false);
        channel.setOption(StandardSocketOptions.TCP_NODELAY, options.noDelay());
        if (options.keepAlive()) {
            channel.setOption(StandardSocketOptions.SO_KEEPALIVE, true);
        }
        if (options.sendBufferSize() > 0) {
            channel.setOption(StandardSocketOptions.SO_SNDBUF, options.sendBufferSize());
        }
        if (options.receiveBufferSize() > 0) {
            channel.setOption(StandardSocketOptions.SO_RCVBUF, options.receiveBufferSize());
        }
    }

    // ---------------------------------------------------------------- readiness

    @Override
    public void onReady(int readyOps) {
        if (connecting != null) {
            finishConnect();
            return;
        }
        if ((readyOps & OP_WRITE) != 0) {
            flush();
        }
        if ((readyOps & OP_READ) != 0) {
            read();
        }
    }

    @Override
    public String label() {
        return "tcp";
    }

    private void finishConnect() {
        try {
            if (!channel.finishConnect()) {
                return;
            }
            local = (InetSocketAddress) channel.getLocalAddress();
        } catch (IOException e) {
            connectFailed(e);
            return;
        }
        ConnectCallback callback = connecting;
        connecting = null;
        updateInterest();
        callback.connected(this);
    }

    /** A failed attempt closes quietly: nobody holds the socket yet, so there is nobody to tell but the connector. */
    private void connectFailed(IOException e) {
        ConnectCallback callback = connecting;
        connecting = null;
        close();
        callback.failed(NetErrors.of(e, "connect", remote));
    }

    private void read() {
        ByteBuffer buffer = context.readBuffer;
        for (int i = 0; i < MAX_READS_PER_EVENT && isReading(); i++) {
            buffer.clear();
            int n;
            try {
                n = channel.read(buffer);
            } catch (IOException e) {
                destroy(NetErrors.of(e, "read", remote));
                return;
            }
            if (n > 0) {
                bytesRead += n;
                touch();
                buffer.flip();
                chunk = buffer;
                loop.dispatch("net.data", emitData);
                chunk = null;
                if (n < buffer.capacity()) {
                    return; // the kernel had no more; skip the read that would say so
                }
            } else if (n < 0) {
                onPeerEnd();
                return;
            } else {
                return;
            }
        }
    }

    private void onPeerEnd() {
        readEnded = true;
        updateInterest();
        loop.dispatch("net.end", () -> run(endListener));
        if (isClosed()) {
            return;
        }
        if (outputShut) {
            close(); // both directions are done
        } else if (!options.allowHalfOpen()) {
            end();
        }
    }

    private void flush() {
        try {
            wrote(queue.flushTo(channel, context.writeBuffer));
        } catch (IOException e) {
            destroy(NetErrors.of(e, "write", remote));
            return;
        }
        if (!queue.isEmpty()) {
            return;
        }
        updateInterest();
        if (ending) {
            shutdownOutput();
        } else if (needDrain) {
            needDrain = false;
            loop.dispatch("net.drain", () -> run(drainListener));
        }
    }

    private boolean isReading() {
        return dataListener != null && !paused && !readEnded && connecting == null && !isClosed();
    }

    /** Asks the selector for exactly what the socket can use now; a syscall only on change. */
    private void updateInterest() {
        if (registration == null || isClosed()) {
            return;
        }
        int wanted = connecting != null ? OP_CONNECT : (isReading() ? OP_READ : 0) | (queue.isEmpty() ? 0 : OP_WRITE);
        if (wanted != interest) {
            interest = wanted;
            registration.interestOps(wanted);
        }
    }

    private void touch() {
        if (idleTimer != null) {
            idleTimer.refresh();
        }
    }

    private void wrote(long n) {
        if (n > 0) {
            bytesWritten += n;
            touch();
        }
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
        if (ending || isClosed()) {
            rejectWrite();
            return false;
        }
        if (queue.isEmpty()) {
            try {
                wrote(WriteQueue.writeNow(channel, data, context.writeBuffer));
            } catch (IOException e) {
                destroy(NetErrors.of(e, "write", remote));
                return false;
            }
            if (!data.hasRemaining()) {
                return true;
            }
            queue.add(data, owned);
            updateInterest();
        } else {
            queue.add(data, owned);
        }
        if (queue.bytes() >= options.highWaterMark()) {
            needDrain = true;
            return false;
        }
        return true;
    }

    /** Node reports a write after end asynchronously; so do we, in the next pending phase. */
    private void rejectWrite() {
        NetException rejected = isClosed()
                ? new NetException(NetException.ERR_STREAM_DESTROYED, "write after the socket was destroyed")
                : new NetException(NetException.ERR_STREAM_WRITE_AFTER_END, "write after end");
        loop.defer(() -> loop.dispatch("net.error", () -> deliver(rejected)));
    }

    @Override
    public void end() {
        Threads.checkLoopThread(loop.loop());
        if (ending || isClosed()) {
            return;
        }
        ending = true;
        if (queue.isEmpty()) {
            shutdownOutput();
        } // else flush() shuts the output down once the queue has drained
    }

    private void shutdownOutput() {
        try {
            channel.shutdownOutput();
        } catch (IOException e) {
            destroy(NetErrors.of(e, "shutdown", remote));
            return;
        }
        outputShut = true;
        if (readEnded) {
            close();
        }
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
        queue.clear();
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
        dataListener = Objects.requireNonNull(listener, "listener");
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
        paused = true;
        updateInterest();
        return this;
    }

    @Override
    public TcpSocket resume() {
        Threads.checkLoopThread(loop.loop());
        paused = false;
        updateInterest(); // no read here: a data listener must never run inside the caller's callback
        return this;
    }

    @Override
    public boolean isPaused() {
        return paused;
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
        return bytesRead;
    }

    @Override
    public long bytesWritten() {
        return bytesWritten;
    }

    @Override
    public long bufferedBytes() {
        return queue.bytes();
    }

    @Override
    public boolean isReadEnded() {
        return readEnded;
    }

    @Override
    public boolean isEnded() {
        return ending;
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
