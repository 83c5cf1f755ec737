package dev.spindle.net.internal;

import static java.nio.channels.SelectionKey.OP_ACCEPT;

import dev.spindle.loop.Loop;
import dev.spindle.loop.Promise;
import dev.spindle.loop.Timer;
import dev.spindle.loop.spi.HandleBase;
import dev.spindle.loop.spi.IoHandler;
import dev.spindle.loop.spi.IoRegistration;
import dev.spindle.loop.spi.LoopSpi;
import dev.spindle.net.NetException;
import dev.spindle.net.TcpServer;
import dev.spindle.net.TcpServerOptions;
import dev.spindle.net.TcpSocket;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A listening socket: accepts in bounded batches, enforces the connection limit, and hands each
 * connection to the callback through the loop's dispatch.
 */
public final class TcpServerImpl extends HandleBase implements TcpServer, IoHandler {

    /** Accepts per readiness event, so a connection storm cannot monopolise a turn. */
    static final int MAX_ACCEPTS_PER_EVENT = 64;
    /**
     * How long accepting pauses after accept() fails: the usual cause, running out of file
     * descriptors, leaves the socket readable, and retrying at once would spin the loop.
     */
    static final long ACCEPT_BACKOFF_MILLIS = 100;


    private final ServerSocketChannel channel;
    private final TcpServerOptions options;
    private final Consumer<TcpSocket> onConnection;
    private final InetSocketAddress address;
    private final IoRegistration registration;
    private final Runnable releaseConnection = this::releaseConnection;
    private final Runnable emitConnection = this::deliverConnection;
    private int connections;
    private long dropped;
    private TcpSocket accepted;
    private Timer backoff;
    private Consumer<Throwable> errorListener;
    private Runnable closeListener;

    private TcpServerImpl(LoopSpi loop, ServerSocketChannel channel, TcpServerOptions options,
            Consumer<TcpSocket> onConnection) throws IOException {
        super(loop);
        this.channel = channel;
        this.options = options;
        this.onConnection = onConnection;
        this.address = (InetSocketAddress) channel.getLocalAddress();
        this.registration = loop.register(channel, OP_ACCEPT, this);
        activate();
    }

    /** See {@link TcpServer#listen(Loop, InetSocketAddress, TcpServerOptions, Consumer)}. */
    public static TcpServer listen(Loop loop, InetSocketAddress address, TcpServerOptions options,
            Consumer<TcpSocket> onConnection) {
        Threads.checkLoopThread(loop);
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(onConnection, "onConnection");
        if (address.isUnresolved()) {
            throw new IllegalArgumentException("unresolved address " + address
                    + "; use TcpServer.listen(loop, host, port, ...) to resolve a name off the loop");
        }
        ServerSocketChannel channel = null;
        try {
            channel = ServerSocketChannel.open(Addresses.family(address.getAddress()));
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            if (options.reusePort()) {
                if (!channel.supportedOptions().contains(StandardSocketOptions.SO_REUSEPORT)) {
                    throw new NetException("ENOTSUP", "listen ENOTSUP: SO_REUSEPORT is not supported on this platform");
                }
                channel.setOption(StandardSocketOptions.SO_REUSEPORT, true);
            }
            int receiveBuffer = options.socketOptions().receiveBufferSize();
            if (receiveBuffer > 0) {
                channel.setOption(StandardSocketOptions.SO_RCVBUF, receiveBuffer);
            }
            channel.bind(address, options.backlog());
            return new TcpServerImpl(LoopSpi.of(loop), channel, options, onConnection);
        } catch (IOException e) {
            closeQuietly(channel);
            throw NetErrors.of(e, "listen", address);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    /** See {@link TcpServer#listen(Loop, String, int, TcpServerOptions, Consumer)}. */
    public static Promise<TcpServer> listen(Loop loop, String host, int port, TcpServerOptions options,
            Consumer<TcpSocket> onConnection) {
        Threads.checkLoopThread(loop);
        Objects.requireNonNull(host, "host");
        Addresses.checkPort(port);
        InetAddress literal = Addresses.literal(host);
        if (literal == null) {
            return Addresses.lookup(loop, host)
                    .map(addresses -> listen(loop, new InetSocketAddress(addresses[0], port), options, onConnection));
        }
        Promise<TcpServer> promise = loop.promise();
        try {
            promise.resolve(listen(loop, new InetSocketAddress(literal, port), options, onConnection));
        } catch (NetException e) {
            promise.reject(e);
        }
        return promise;
    }

    @Override
    public void onReady(int readyOps) {
        for (int i = 0; i < MAX_ACCEPTS_PER_EVENT && !isClosed(); i++) {
            SocketChannel connection;
            try {
                connection = channel.accept();
            } catch (IOException e) {
                backOff(NetErrors.of(e, "accept", address));
                return;
            }
            if (connection == null) {
                return;
            }
            if (connections >= options.maxConnections()) {
                dropped++;
                closeQuietly(connection);
                continue;
            }
            TcpSocketImpl socket;
            try {
                socket = SocketOpener.accepted(loop, connection, options.socketOptions(), releaseConnection);
            } catch (IOException e) {
                closeQuietly(connection);
                emitError(NetErrors.of(e, "accept", address));
                continue;
            }
            connections++;
            accepted = socket;
            loop.dispatch("net.connection", emitConnection);
            accepted = null;
        }
    }

    @Override
    public String label() {
        return "tcp.accept";
    }

    private void releaseConnection() {
        connections--;
    }

    private void deliverConnection() {
        onConnection.accept(accepted);
    }

    private void backOff(NetException error) {
        registration.interestOps(0);
        backoff = loop.loop().setTimeout(() -> {
            backoff = null;
            registration.interestOps(OP_ACCEPT);
        }, ACCEPT_BACKOFF_MILLIS).unref();
        emitError(error);
    }

    private void emitError(NetException error) {
        loop.dispatch("net.error", () -> {
            if (errorListener != null) {
                errorListener.accept(error);
            } else {
                loop.reportUncaught(error);
            }
        });
    }

    @Override
    protected void onClose() {
        try {
            registration.cancelAndClose(); // the port stops accepting now, not at the next poll
        } catch (IOException e) {
            closeQuietly(channel); // nothing useful to do with a failed close
        }
        if (backoff != null) {
            backoff.close();
            backoff = null;
        }
    }

    @Override
    protected void onClosed() {
        if (closeListener != null) {
            loop.dispatch("net.close", closeListener);
        }
    }

    private static void closeQuietly(java.nio.channels.Channel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // nothing useful to do with a failed close
            }
        }
    }

    @Override
    public InetSocketAddress address() {
        return address;
    }

    @Override
    public TcpServerOptions options() {
        return options;
    }

    @Override
    public int connections() {
        return connections;
    }

    @Override
    public long droppedConnections() {
        return dropped;
    }

    @Override
    public TcpServer onError(Consumer<Throwable> listener) {
        Threads.checkLoopThread(loop.loop());
        errorListener = listener;
        return this;
    }

    @Override
    public TcpServer onClose(Runnable listener) {
        Threads.checkLoopThread(loop.loop());
        closeListener = listener;
        return this;
    }

    @Override
    public TcpServer ref() {
        super.ref();
        return this;
    }

    @Override
    public TcpServer unref() {
        super.unref();
        return this;
    }

    @Override
    public String toString() {
        return "TcpServer[" + NetErrors.describe(address) + (isClosed() ? ", closed" : "") + "]";
    }
}
