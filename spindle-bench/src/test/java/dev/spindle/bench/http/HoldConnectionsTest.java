package dev.spindle.bench.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The memory run's client opens served keep-alive connections and they stay usable. */
class HoldConnectionsTest {

    @Test
    void opensServedKeepAliveConnections() throws Exception {
        try (BenchServer server = NettyBenchServer.start(0)) {
            List<Socket> sockets = HoldConnections.open(new InetSocketAddress(BenchRoutes.HOST, server.port()), 50);
            try {
                assertThat(sockets).hasSize(50).allMatch(Socket::isConnected);
                Socket last = sockets.getLast(); // kept alive: a second request on it is answered too
                last.getOutputStream().write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes());
                HoldConnections.readResponse(last.getInputStream());
            } finally {
                for (Socket socket : sockets) {
                    socket.close();
                }
            }
        }
    }
}
