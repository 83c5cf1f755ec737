package dev.spindle.net;

import static dev.spindle.net.NetFixture.LOCAL;
import static dev.spindle.net.NetFixture.port;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.spindle.loop.Promise;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class TcpServerTest {

    private final NetFixture net = new NetFixture();

    @AfterEach
    void closeLoop() {
        net.close();
    }

    @Test
    void listensOnAnEphemeralPortAndTellsTheBoundAddress() {
        List<InetSocketAddress> peers = new ArrayList<>();
        TcpServer server = TcpServer.listen(net.loop, LOCAL, socket -> {
            peers.add(socket.remoteAddress());
            socket.destroy();
        });
        InetSocketAddress address = server.address();
        assertThat(address.getPort()).isPositive();
        assertThat(address.getAddress().getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(server.isActive()).isTrue();

        List<InetSocketAddress> locals = new ArrayList<>();
        TcpSocket.connect(net.loop, "127.0.0.1", address.getPort()).then(client -> {
            locals.add(client.localAddress());
            assertThat(client.remoteAddress()).isEqualTo(address);
            client.onData(data -> {});
            client.onClose(hadError -> server.close());
        });
        net.run();

        assertThat(peers).isEqualTo(locals).hasSize(1);
        assertThat(server.isClosed()).isTrue();
    }

    @Test
    void listenWithAnIpLiteralBindsAtOnce() {
        Promise<TcpServer> listening = TcpServer.listen(net.loop, "127.0.0.1", 0, TcpServerOptions.DEFAULTS, TcpSocket::destroy);
        assertThat(listening.isFulfilled()).isTrue();
        TcpServer server = listening.value().orElseThrow();
        assertThat(port(server)).isPositive();
        server.close();
        net.run();
    }

    @Test
    void listenWithAHostNameResolvesOffTheLoop() {
        Promise<TcpServer> listening = TcpServer.listen(net.loop, "localhost", 0, TcpServerOptions.DEFAULTS, TcpSocket::destroy);
        assertThat(listening.isPending()).isTrue();
        listening.then(TcpServer::close);
        net.run();
        assertThat(listening.value()).hasValueSatisfying(server -> {
            assertThat(server.address().getAddress().isLoopbackAddress()).isTrue();
            assertThat(server.isClosed()).isTrue();
        });
    }

    @Test
    void aBusyPortIsReportedAsEaddrinuse() {
        TcpServer first = TcpServer.listen(net.loop, LOCAL, TcpSocket::destroy);
        assertThatThrownBy(() -> TcpServer.listen(net.loop, first.address(), TcpSocket::destroy))
                .isInstanceOfSatisfying(NetException.class, e -> {
                    assertThat(e.code()).isEqualTo(NetException.EADDRINUSE);
                    assertThat(e).hasMessage("listen EADDRINUSE 127.0.0.1:" + port(first));
                });
        first.close();
        net.run();
    }

    @Test
    void reusePortLetsTwoServersShareAPort() throws IOException {
        try (ServerSocketChannel probe = ServerSocketChannel.open()) {
            assumeTrue(probe.supportedOptions().contains(StandardSocketOptions.SO_REUSEPORT), "SO_REUSEPORT unsupported here");
        }
        TcpServerOptions shared = TcpServerOptions.builder().reusePort(true).build();
        TcpServer first = TcpServer.listen(net.loop, LOCAL, shared, TcpSocket::destroy);
        TcpServer second = TcpServer.listen(net.loop, first.address(), shared, TcpSocket::destroy);
        assertThat(second.address()).isEqualTo(first.address());
        first.close();
        second.close();
        net.run();
    }

    @Test
    void connectionsBeyondTheLimitAreClosedAtOnceAndCounted() {
        TcpServerOptions limited = TcpServerOptions.builder().maxConnections(2).build();
        List<TcpSocket> accepted = new ArrayList<>();
        TcpServer server = TcpServer.listen(net.loop, LOCAL, limited, socket -> {
            accepted.add(socket);
            socket.onData(data -> {});
        });
        List<TcpSocket> clients = new ArrayList<>();
        AtomicReference<Boolean> thirdClosed = new AtomicReference<>();
        // Connect one after another, so the kernel queues them, and the server accepts them, in order.
        connectAndKeep(clients, server).then(first -> connectAndKeep(clients, server).then(second -> {
            connectAndKeep(clients, server).then(third -> third.onClose(hadError -> {
                thirdClosed.set(hadError);
                assertThat(server.connections()).isEqualTo(2);
                assertThat(server.droppedConnections()).isEqualTo(1);
                clients.get(0).destroy();
                clients.get(1).destroy();
                server.close();
            }));
        }));
        net.run();

        assertThat(thirdClosed.get()).isFalse();
        assertThat(accepted).hasSize(2);
        assertThat(server.droppedConnections()).isEqualTo(1);
        assertThat(server.connections()).isZero();
    }

    private Promise<TcpSocket> connectAndKeep(List<TcpSocket> clients, TcpServer server) {
        return TcpSocket.connect(net.loop, "127.0.0.1", port(server)).then(client -> {
            clients.add(client);
            client.onData(data -> {});
        });
    }

    @Test
    void closeStopsAcceptingReleasesThePortAndLetsRunReturn() {
        List<String> events = new ArrayList<>();
        AtomicReference<TcpServer> serverRef = new AtomicReference<>();
        TcpServer server = TcpServer.listen(net.loop, LOCAL, socket -> {
            socket.onData(data -> {});
            socket.onClose(hadError -> events.add("socket closed"));
            serverRef.get().close();
            events.add("close() returned");
        });
        serverRef.set(server);
        server.onClose(() -> events.add("server close event"));
        int port = port(server);

        TcpSocket.connect(net.loop, "127.0.0.1", port).then(client -> {
            client.onData(data -> {});
            client.end(); // the accepted socket outlives the server; it closes when the client ends
        });
        net.run();

        assertThat(server.isClosed()).isTrue();
        assertThat(events).containsExactly("close() returned", "server close event", "socket closed");

        AtomicReference<Throwable> refused = new AtomicReference<>();
        TcpSocket.connect(net.loop, "127.0.0.1", port).recover(error -> {
            refused.set(error);
            return null;
        });
        net.run();
        assertThat(refused.get()).isInstanceOfSatisfying(NetException.class,
                e -> assertThat(e.code()).isEqualTo(NetException.ECONNREFUSED));
    }

    @Test
    void closeStopsAcceptingAtOnceNotAtTheNextPoll() throws IOException {
        TcpServer server = TcpServer.listen(net.loop, LOCAL, TcpSocket::destroy);
        InetSocketAddress address = server.address();
        server.close();
        // The loop has not polled since close(): a connection now must be refused, not completed
        // by the kernel into a backlog that nobody will accept from.
        try (java.net.Socket client = new java.net.Socket()) {
            assertThatThrownBy(() -> client.connect(address, 5_000)).isInstanceOf(java.net.ConnectException.class);
        }
        net.run();
    }

    @Test
    void anUnreferencedServerLetsRunReturn() {
        TcpServer server = TcpServer.listen(net.loop, LOCAL, TcpSocket::destroy).unref();
        net.run(); // returns at once: nothing referenced is alive
        assertThat(server.isActive()).isTrue();
        assertThat(server.hasRef()).isFalse();

        // Referenced again, it keeps the loop running until a timer closes it.
        server.ref();
        net.loop.setTimeout(server::close, 20);
        net.run();
        assertThat(server.isClosed()).isTrue();
    }

    @Test
    void methodsRefuseOtherThreads() {
        TcpServer server = TcpServer.listen(net.loop, LOCAL, TcpSocket::destroy);
        CompletableFuture<Throwable> failure = CompletableFuture.supplyAsync(() -> {
            try {
                server.onClose(() -> {});
                return null;
            } catch (IllegalStateException e) {
                return e;
            }
        });
        assertThat(failure.join()).isInstanceOf(IllegalStateException.class).hasMessageContaining("loop-thread only");
        server.close();
        net.run();
    }
}
