package dev.spindle.http.client;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.http.HttpClient;
import dev.spindle.http.HttpClientException;
import dev.spindle.http.HttpClientException.Kind;
import dev.spindle.http.HttpClientOptions;
import dev.spindle.http.HttpClientResponse;
import dev.spindle.loop.Loop;
import dev.spindle.loop.Promise;
import dev.spindle.net.TcpServer;
import dev.spindle.net.TcpSocket;
import java.net.InetSocketAddress;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Responses Spindle's server never sends, from a raw TCP server on the client's loop: a body that
 * runs until the close, garbage, a connection cut mid-body, a body over the limit.
 */
class OddResponsesTest {

    /** Runs {@code client} against a server that answers every connection's first bytes with {@code answer}. */
    private static Promise<HttpClientResponse> against(ClientLoop client, Consumer<TcpSocket> answer,
            Function<Loop, HttpClient> clients, Function<String, String> url) {
        return client.run(loop -> {
            TcpServer server = TcpServer.listen(loop, new InetSocketAddress("127.0.0.1", 0), socket -> {
                boolean[] answered = new boolean[1];
                socket.onData(data -> {
                    if (!answered[0]) {
                        answered[0] = true;
                        answer.accept(socket);
                    }
                });
            });
            String base = "http://127.0.0.1:" + server.address().getPort();
            return clients.apply(loop).get(url.apply(base)).andFinally(server::close);
        });
    }

    private static Promise<HttpClientResponse> answering(ClientLoop client, String raw, boolean thenClose) {
        return against(client, socket -> {
            socket.write(raw.getBytes(ISO_8859_1));
            if (thenClose) {
                socket.end();
            }
        }, HttpClient::create, base -> base + "/");
    }

    private static HttpClientException failure(Promise<?> promise) {
        assertThat(promise.isRejected()).as("rejected").isTrue();
        return (HttpClientException) promise.error().orElseThrow();
    }

    @Test
    void aBodyThatRunsUntilTheServerCloses() {
        try (ClientLoop client = new ClientLoop()) {
            Promise<HttpClientResponse> response = answering(client,
                    "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nall of this, until the end", true);

            assertThat(response.value().orElseThrow().text()).isEqualTo("all of this, until the end");
        }
    }

    @Test
    void aMalformedResponseIsAClearError() {
        try (ClientLoop client = new ClientLoop()) {
            Promise<HttpClientResponse> response = answering(client,
                    "HTTP/1.1 200 OK\r\nContent-Length: ten\r\n\r\n0123456789", false);

            HttpClientException error = failure(response);
            assertThat(error.kind()).isEqualTo(Kind.MALFORMED_RESPONSE);
            assertThat(error.getMessage()).matches("invalid response from 127\\.0\\.0\\.1:\\d+: Content-Length is not a number");
            assertThat(error.status()).isEqualTo(502);
        }
    }

    @Test
    void somethingThatIsNotHttpAtAll() {
        try (ClientLoop client = new ClientLoop()) {
            HttpClientException error = failure(answering(client, "SSH-2.0-OpenSSH_9.6\r\n", false));

            assertThat(error.kind()).isEqualTo(Kind.MALFORMED_RESPONSE);
            assertThat(error.getMessage()).endsWith("status line is not HTTP-version SP status-code");
        }
    }

    @Test
    void theServerClosesMidBody() {
        try (ClientLoop client = new ClientLoop()) {
            HttpClientException error = failure(answering(client, "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly this", true));

            assertThat(error.kind()).isIn(Kind.MALFORMED_RESPONSE, Kind.CONNECTION_CLOSED);
            assertThat(error.getMessage()).contains("closed before the response was complete");
        }
    }

    @Test
    void theServerClosesWithoutAnswering() {
        try (ClientLoop client = new ClientLoop()) {
            HttpClientException error = failure(answering(client, "", true));

            assertThat(error.kind()).isEqualTo(Kind.CONNECTION_CLOSED);
            assertThat(error.code()).isEqualTo("ECONNRESET");
        }
    }

    @Test
    void theServerResetsTheConnection() {
        try (ClientLoop client = new ClientLoop()) {
            HttpClientException error = failure(against(client, TcpSocket::resetAndDestroy, HttpClient::create, base -> base + "/"));

            assertThat(error.kind()).isEqualTo(Kind.CONNECTION_CLOSED);
            assertThat(error.code()).isEqualTo("ECONNRESET");
        }
    }

    @Test
    void aBodyOverTheLimit() {
        try (ClientLoop client = new ClientLoop()) {
            HttpClientOptions small = HttpClientOptions.builder().maxResponseBodyBytes(8).build();
            HttpClientException error = failure(against(client,
                    socket -> socket.write("HTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\n123456789"),
                    loop -> HttpClient.create(loop, small), base -> base + "/"));

            assertThat(error.kind()).isEqualTo(Kind.RESPONSE_TOO_LARGE);
        }
    }

    @Test
    void aResponseSplitIntoSingleBytes() {
        try (ClientLoop client = new ClientLoop()) {
            String raw = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nWiki\r\n5\r\npedia\r\n0\r\n\r\n";
            Promise<HttpClientResponse> response = against(client, socket -> {
                Loop loop = Loop.current();
                for (int i = 0; i < raw.length(); i++) {
                    byte[] one = {(byte) raw.charAt(i)};
                    loop.setTimeout(() -> socket.write(one), 1 + i / 8);
                }
            }, HttpClient::create, base -> base + "/");

            assertThat(response.value().orElseThrow().text()).isEqualTo("Wikipedia");
        }
    }
}
