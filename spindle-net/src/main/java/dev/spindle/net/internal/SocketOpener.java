package dev.spindle.net.internal;

import dev.spindle.loop.spi.LoopSpi;
import dev.spindle.net.NetException;
import dev.spindle.net.TcpSocketOptions;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;

/**
 * How a {@link TcpSocketImpl} comes to be: wrapping a channel the server accepted, or opening one
 * and connecting it, each configured from the socket options first.
 */
final class SocketOpener {

    /** What a connecting socket tells its {@link Connector}. */
    interface ConnectCallback {
        void connected(TcpSocketImpl socket);

        void failed(NetException error);
    }

    private SocketOpener() {}

    /** Wraps a socket the server accepted; reading starts once a data listener is set. */
    static TcpSocketImpl accepted(LoopSpi loop, SocketChannel channel, TcpSocketOptions options,
            Runnable onRelease) throws IOException {
        configure(channel, options);
        return TcpSocketImpl.open(loop, channel, options, onRelease, (InetSocketAddress) channel.getRemoteAddress(), null);
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
        TcpSocketImpl socket;
        try {
            configure(channel, options);
            boolean done = channel.connect(target);
            socket = TcpSocketImpl.open(loop, channel, options, null, target, callback);
            if (!done) {
                socket.updateInterest();
                return;
            }
        } catch (IOException e) {
            closeQuietly(channel);
            callback.failed(NetErrors.of(e, "connect", target));
            return;
        }
        socket.finishConnect();
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

    private static void closeQuietly(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing useful to do with a failed close
        }
    }
}
