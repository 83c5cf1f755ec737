package dev.spindle.net;

import dev.spindle.loop.Handle;
import dev.spindle.loop.Loop;
import dev.spindle.loop.Promise;
import dev.spindle.net.internal.TcpServerImpl;
import java.net.InetSocketAddress;
import java.util.function.Consumer;

/**
 * A listening TCP socket on a loop: it accepts connections and hands each to the connection
 * callback as a {@link TcpSocket} (Node's {@code net.Server}). A handle: active, and so keeping the
 * loop alive, from the moment it listens until {@link #close()}, unless {@linkplain #unref()
 * unreferenced}.
 *
 * <p>Loop thread only: every method must be called on the loop's thread, and every callback runs
 * there.
 */
public interface TcpServer extends Handle {

    /**
     * Listens on {@code address} at once and returns the listening server. Port 0 picks a free
     * ephemeral port; {@link #address()} tells which. The address is already resolved, so nothing
     * blocks.
     *
     * @param onConnection called, on the loop, with every accepted socket
     * @throws NetException when the address cannot be bound ({@code EADDRINUSE}, ...)
     */
    static TcpServer listen(Loop loop, InetSocketAddress address, TcpServerOptions options,
            Consumer<TcpSocket> onConnection) {
        return TcpServerImpl.listen(loop, address, options, onConnection);
    }

    /** {@link #listen(Loop, InetSocketAddress, TcpServerOptions, Consumer)} with the default options. */
    static TcpServer listen(Loop loop, InetSocketAddress address, Consumer<TcpSocket> onConnection) {
        return listen(loop, address, TcpServerOptions.DEFAULTS, onConnection);
    }

    /**
     * Resolves {@code host} and listens on its first address. An IP literal binds at once (the
     * promise is already settled when this returns); a name is resolved on the loop's blocking pool.
     * The promise rejects with {@link NetException} ({@code ENOTFOUND}, {@code EADDRINUSE}, ...).
     */
    static Promise<TcpServer> listen(Loop loop, String host, int port, TcpServerOptions options,
            Consumer<TcpSocket> onConnection) {
        return TcpServerImpl.listen(loop, host, port, options, onConnection);
    }

    /** The bound address, with the real port when listening on port 0. */
    InetSocketAddress address();

    /** The options the server was created with. */
    TcpServerOptions options();

    /** Accepted connections still open. */
    int connections();

    /** Connections closed at once because {@link TcpServerOptions#maxConnections()} was reached. */
    long droppedConnections();

    /**
     * Sets the listener for accept failures (for example running out of file descriptors); the
     * server keeps listening. Without one such errors go to the loop's uncaught-exception handler.
     */
    TcpServer onError(Consumer<Throwable> listener);

    /** Sets the listener called in the close phase after {@link #close()}. */
    TcpServer onClose(Runnable listener);

    /**
     * Stops accepting and releases the port; the close listener runs in the close phase. Sockets
     * already accepted stay open until they end or are destroyed. Idempotent.
     */
    @Override
    void close();

    @Override
    TcpServer ref();

    @Override
    TcpServer unref();
}
