package dev.spindle.net;

import static dev.spindle.net.NetFixture.LOCAL;
import static dev.spindle.net.NetFixture.port;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class TcpSocketTest {

    private final NetFixture net = new NetFixture();

    @AfterEach
    void closeLoop() {
        net.close();
    }

    private TcpServer echoServer() {
        return TcpServer.listen(net.loop, LOCAL, socket -> socket.onData(socket::write));
    }

    @Test
    void echoesARoundTrip() {
        TcpServer server = echoServer();
        StringBuilder received = new StringBuilder();
        AtomicReference<TcpSocket> clientRef = new AtomicReference<>();
        AtomicReference<Boolean> closedWithError = new AtomicReference<>();
        TcpSocket.connect(net.loop, "127.0.0.1", port(server)).then(client -> {
            clientRef.set(client);
            client.onData(data -> {
                received.append(UTF_8.decode(data));
                if (received.length() == "hello, spindle".length()) {
                    client.end();
                }
            });
            client.onClose(hadError -> {
                closedWithError.set(hadError);
                server.close();
            });
            assertThat(client.write("hello, ")).isTrue();
            assertThat(client.write("spindle".getBytes(UTF_8))).isTrue();
        });
        net.run();

        assertThat(received).hasToString("hello, spindle");
        assertThat(closedWithError.get()).isFalse();
        TcpSocket client = clientRef.get();
        assertThat(client.bytesWritten()).isEqualTo(14);
        assertThat(client.bytesRead()).isEqualTo(14);
        assertThat(client.isClosed()).isTrue();
    }

    @Test
    void servesTwoHundredConcurrentClientsOnOneLoop() {
        int clients = 200;
        TcpServer server = echoServer();
        List<String> replies = new ArrayList<>();
        int[] closed = {0};
        for (int i = 0; i < clients; i++) {
            String message = "client-" + i;
            StringBuilder reply = new StringBuilder();
            TcpSocket.connect(net.loop, "127.0.0.1", port(server)).then(client -> {
                client.onData(data -> {
                    reply.append(UTF_8.decode(data));
                    if (reply.length() == message.length()) {
                        replies.add(reply.toString());
                        client.end();
                    }
                });
                client.onClose(hadError -> {
                    if (++closed[0] == clients) {
                        server.close();
                    }
                });
                client.write(message);
            });
        }
        net.run();

        assertThat(closed[0]).isEqualTo(clients);
        assertThat(replies).hasSize(clients).doesNotHaveDuplicates().allMatch(reply -> reply.startsWith("client-"));
        assertThat(server.connections()).isZero();
    }

    @Test
    void halfCloseLetsTheServerAnswerAfterTheClientEnded() {
        TcpServerOptions halfOpen = TcpServerOptions.builder()
                .socketOptions(TcpSocketOptions.builder().allowHalfOpen(true).build())
                .build();
        List<String> events = new ArrayList<>();
        TcpServer server = TcpServer.listen(net.loop, LOCAL, halfOpen, socket -> {
            StringBuilder request = new StringBuilder();
            socket.onData(data -> request.append(UTF_8.decode(data)));
            socket.onEnd(() -> {
                events.add("server end");
                assertThat(socket.write("got " + request)).isTrue();
                socket.end();
            });
            socket.onClose(hadError -> events.add("server close"));
        });
        StringBuilder response = new StringBuilder();
        TcpSocket.connect(net.loop, "127.0.0.1", port(server)).then(client -> {
            client.onData(data -> response.append(UTF_8.decode(data)));
            client.onEnd(() -> events.add("client end"));
            client.onClose(hadError -> {
                events.add("client close");
                server.close();
            });
            client.write("ping");
            client.end();
            assertThat(client.isEnded()).isTrue();
        });
        net.run();

        assertThat(response).hasToString("got ping");
        assertThat(events).containsSubsequence("server end", "client end", "client close")
                .contains("server close");
    }

    /**
     * A read that fills the loop's 64 KiB read buffer exactly does not end the readiness event's
     * reading early for good: the bytes after it, and the peer's end, still arrive (a read that
     * returns less than the buffer is where reading stops until the next readiness).
     */
    @Test
    void bytesPastAFullReadBufferAndThenTheEndAllArrive() {
        int total = 64 * 1024 + 100;
        byte[] payload = new byte[total];
        for (int i = 0; i < total; i++) {
            payload[i] = (byte) (i * 31 + 7);
        }
        ByteBuffer received = ByteBuffer.allocate(total + 1);
        boolean[] ended = {false};
        TcpServer server = TcpServer.listen(net.loop, LOCAL, socket -> {
            socket.onData(data -> received.put(data));
            socket.onEnd(() -> ended[0] = true);
        });
        TcpSocket.connect(net.loop, "127.0.0.1", port(server)).then(client -> {
            client.write(ByteBuffer.wrap(payload, 0, 64 * 1024));
            client.write(ByteBuffer.wrap(payload, 64 * 1024, 100));
            client.end();
            client.onData(data -> { }); // reads, so it sees the server's end and closes
            client.onClose(hadError -> server.close());
        });
        net.run();

        assertThat(ended[0]).isTrue();
        assertThat(received.flip().remaining()).isEqualTo(total);
        byte[] got = new byte[total];
        received.get(got);
        assertThat(got).isEqualTo(payload);
    }

    @Test
    void withoutHalfOpenTheSocketEndsAndClosesWhenThePeerEnds() {
        List<String> events = new ArrayList<>();
        TcpServer server = TcpServer.listen(net.loop, LOCAL, socket -> {
            socket.onData(data -> {});
            socket.onEnd(() -> events.add("server end"));
            socket.onClose(hadError -> {
                events.add("server close, hadError=" + hadError);
                assertThat(socket.isReadEnded()).isTrue();
                assertThat(socket.isEnded()).isTrue(); // ended its side by itself
            });
        });
        TcpSocket.connect(net.loop, "127.0.0.1", port(server)).then(client -> {
            client.onData(data -> {});
            client.onEnd(() -> events.add("client end"));
            client.onClose(hadError -> server.close());
            client.end();
        });
        net.run();

        assertThat(events).containsExactly("server end", "server close, hadError=false", "client end");
    }

    @Test
    void writingAfterEndReturnsFalseAndEmitsAnError() {
        TcpServer server = TcpServer.listen(net.loop, LOCAL, socket -> socket.onData(data -> {}));
        AtomicReference<Throwable> error = new AtomicReference<>();
        TcpSocket.connect(net.loop, "127.0.0.1", port(server)).then(client -> {
            client.onData(data -> {});
            client.onError(error::set);
            client.onClose(hadError -> server.close());
            client.end();
            assertThat(client.write("too late")).isFalse();
        });
        net.run();

        assertThat(error.get()).isInstanceOfSatisfying(NetException.class,
                e -> assertThat(e.code()).isEqualTo(NetException.ERR_STREAM_WRITE_AFTER_END));
    }

    @Test
    void writingAfterDestroyReturnsFalseAndEmitsAnError() {
        TcpServer server = TcpServer.listen(net.loop, LOCAL, socket -> {
            socket.onData(data -> {});
            socket.write("hi");
        });
        List<String> events = new ArrayList<>();
        TcpSocket.connect(net.loop, "127.0.0.1", port(server)).then(client -> {
            client.onBytes(bytes -> {
                events.add("bytes " + new String(bytes, UTF_8));
                client.destroy();
                assertThat(client.write("too late")).isFalse();
            });
            client.onError(e -> events.add("error " + ((NetException) e).code()));
            client.onClose(hadError -> {
                events.add("close, hadError=" + hadError);
                server.close();
            });
        });
        net.run();

        // close comes in this turn's close phase; the write's error in the next turn's pending phase
        assertThat(events).containsExactly("bytes hi", "close, hadError=false",
                "error " + NetException.ERR_STREAM_DESTROYED);
    }

    @Test
    void aRefusedConnectionRejectsThePromise() throws Exception {
        int closedPort;
        try (var probe = java.nio.channels.ServerSocketChannel.open()) {
            probe.bind(LOCAL);
            closedPort = ((java.net.InetSocketAddress) probe.getLocalAddress()).getPort();
        }
        AtomicReference<Throwable> error = new AtomicReference<>();
        TcpSocket.connect(net.loop, "127.0.0.1", closedPort).recover(e -> {
            error.set(e);
            return null;
        });
        net.run();

        assertThat(error.get()).isInstanceOfSatisfying(NetException.class, e -> {
            assertThat(e.code()).isEqualTo(NetException.ECONNREFUSED);
            assertThat(e).hasMessage("connect ECONNREFUSED 127.0.0.1:" + closedPort)
                    .hasCauseInstanceOf(java.net.ConnectException.class);
        });
    }

    @Test
    void aResetByThePeerIsAnErrorThenACloseWithHadError() {
        TcpServer server = TcpServer.listen(net.loop, LOCAL, socket -> socket.onData(data -> socket.resetAndDestroy()));
        AtomicReference<Throwable> error = new AtomicReference<>();
        List<String> events = new ArrayList<>();
        TcpSocket.connect(net.loop, "127.0.0.1", port(server)).then(client -> {
            client.onData(data -> {});
            client.onError(e -> {
                error.set(e);
                events.add("error");
            });
            client.onClose(hadError -> {
                events.add("close, hadError=" + hadError);
                server.close();
            });
            client.write("hello");
        });
        net.run();

        assertThat(events).containsExactly("error", "close, hadError=true");
        assertThat(error.get()).isInstanceOfSatisfying(NetException.class,
                e -> assertThat(e.code()).isEqualTo(NetException.ECONNRESET));
    }

    @Test
    void connectResolvesHostNamesOffTheLoop() {
        TcpServer server = TcpServer.listen(net.loop, LOCAL, TcpSocket::destroy);
        AtomicReference<String> remote = new AtomicReference<>();
        TcpSocket.connect(net.loop, "localhost", port(server)).then(client -> {
            remote.set(client.remoteAddress().getAddress().getHostAddress());
            client.onData(data -> {});
            client.onClose(hadError -> server.close());
        });
        net.run();
        // localhost may list ::1 first; nothing listens there, so the connector moves on to 127.0.0.1.
        assertThat(remote.get()).isEqualTo("127.0.0.1");
    }

    @Test
    void aDataListenerThatThrowsReachesTheUncaughtHandlerAndTheSocketCarriesOn() {
        List<Throwable> uncaught = new ArrayList<>();
        net.loop.onUncaughtException(uncaught::add);
        TcpServer server = echoServer();
        StringBuilder received = new StringBuilder();
        TcpSocket.connect(net.loop, "127.0.0.1", port(server)).then(client -> {
            client.onData(data -> {
                received.append(UTF_8.decode(data));
                if (received.indexOf("!") >= 0) {
                    client.end();
                }
                throw new IllegalStateException("listener bug");
            });
            client.onClose(hadError -> server.close());
            client.write(ByteBuffer.wrap("boom!".getBytes(UTF_8)));
        });
        net.run();

        assertThat(received).hasToString("boom!");
        assertThat(uncaught).isNotEmpty().allMatch(e -> e.getMessage().equals("listener bug"));
    }
}
