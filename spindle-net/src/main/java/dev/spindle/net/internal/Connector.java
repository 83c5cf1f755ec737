package dev.spindle.net.internal;

import dev.spindle.loop.Loop;
import dev.spindle.loop.Promise;
import dev.spindle.loop.spi.LoopSpi;
import dev.spindle.net.NetException;
import dev.spindle.net.TcpSocket;
import dev.spindle.net.TcpSocketOptions;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * One connect request: tries a host's addresses in order until one accepts, and settles the
 * promise once. The first failure is the rejection; later ones are attached as suppressed.
 */
public final class Connector implements SocketOpener.ConnectCallback {

    private final LoopSpi loop;
    private final InetAddress[] addresses;
    private final int port;
    private final TcpSocketOptions options;
    private final Promise<TcpSocket> promise;
    private int next;
    private NetException failure;

    private Connector(Loop loop, InetAddress[] addresses, int port, TcpSocketOptions options) {
        this.loop = LoopSpi.of(loop);
        this.addresses = addresses;
        this.port = port;
        this.options = options;
        this.promise = loop.promise();
    }

    /** See {@link TcpSocket#connect(Loop, String, int, TcpSocketOptions)}. */
    public static Promise<TcpSocket> connect(Loop loop, String host, int port, TcpSocketOptions options) {
        Threads.checkLoopThread(loop);
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(options, "options");
        Addresses.checkPort(port);
        InetAddress literal = Addresses.literal(host);
        if (literal != null) {
            return new Connector(loop, new InetAddress[] {literal}, port, options).start();
        }
        return Addresses.lookup(loop, host)
                .flatMap(addresses -> new Connector(loop, addresses, port, options).start());
    }

    /** See {@link TcpSocket#connect(Loop, InetSocketAddress, TcpSocketOptions)}. */
    public static Promise<TcpSocket> connect(Loop loop, InetSocketAddress address, TcpSocketOptions options) {
        if (address.isUnresolved()) {
            return connect(loop, address.getHostString(), address.getPort(), options);
        }
        Threads.checkLoopThread(loop);
        Objects.requireNonNull(options, "options");
        return new Connector(loop, new InetAddress[] {address.getAddress()}, address.getPort(), options).start();
    }

    private Promise<TcpSocket> start() {
        tryNext();
        return promise;
    }

    private void tryNext() {
        if (next == addresses.length) {
            promise.reject(failure);
            return;
        }
        SocketOpener.connect(loop, new InetSocketAddress(addresses[next++], port), options, this);
    }

    @Override
    public void connected(TcpSocketImpl socket) {
        promise.resolve(socket);
    }

    @Override
    public void failed(NetException error) {
        if (failure == null) {
            failure = error;
        } else {
            failure.addSuppressed(error);
        }
        tryNext();
    }
}
