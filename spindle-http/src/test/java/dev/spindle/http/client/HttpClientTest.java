package dev.spindle.http.client;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spindle.http.App;
import dev.spindle.http.Handler;
import dev.spindle.http.HeaderField;
import dev.spindle.http.HttpClient;
import dev.spindle.http.HttpClientException;
import dev.spindle.http.HttpClientException.Kind;
import dev.spindle.http.HttpClientOptions;
import dev.spindle.http.HttpClientRequest;
import dev.spindle.http.HttpClientResponse;
import dev.spindle.http.HttpMethod;
import dev.spindle.http.server.TestServer;
import dev.spindle.loop.Promise;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The client against Spindle's own server on 127.0.0.1: real sockets, no sleeping. */
class HttpClientTest {

    private static TestServer server;
    private static String base;

    @BeforeAll
    static void startServer() {
        server = TestServer.start(App.create()
                .get("/", (req, res) -> res.send("Hello, World!"))
                .get("/port", (req, res) -> res.send(Integer.toString(req.remoteAddress().getPort())))
                .get("/echo/:n", (req, res) -> res.send(req.param("n") + "@" + req.remoteAddress().getPort()))
                .post("/echo", Handler.async((req, res) -> req.body().text().then(res::send)))
                .get("/stream", (req, res) -> {
                    res.write("one,");
                    res.write("two,");
                    res.write("three");
                    res.end();
                })
                .get("/bye", (req, res) -> res.header("Connection", "close").send("bye"))
                .get("/hang", (req, res) -> { }));
        base = "http://127.0.0.1:" + server.port();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void getsAResponseWithStatusHeadersAndBody() {
        try (ClientLoop client = new ClientLoop()) {
            HttpClientResponse response = client.value(loop -> HttpClient.create(loop).get(base + "/"));

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.reason()).isEqualTo("OK");
            assertThat(response.text()).isEqualTo("Hello, World!");
            assertThat(response.header("content-type")).hasValue("text/plain; charset=utf-8");
            assertThat(response.isSuccess()).isTrue();
        }
    }

    @Test
    void keepAliveReusesOneConnectionForSequentialRequests() {
        try (ClientLoop client = new ClientLoop()) {
            List<String> ports = new ArrayList<>();
            int[] open = new int[1];
            client.value(loop -> {
                HttpClient http = HttpClient.create(loop);
                return http.get(base + "/port")
                        .flatMap(first -> {
                            ports.add(first.text());
                            return http.get(base + "/port");
                        })
                        .flatMap(second -> {
                            ports.add(second.text());
                            return http.get(base + "/port");
                        })
                        .then(third -> {
                            ports.add(third.text());
                            open[0] = http.connections();
                        });
            });

            assertThat(ports).hasSize(3).containsOnly(ports.getFirst());
            assertThat(open[0]).isEqualTo(1);
        }
    }

    @Test
    void pipelinedRequestsOnOneConnectionAreAnsweredInOrder() {
        try (ClientLoop client = new ClientLoop()) {
            int[] inFlight = new int[1];
            int[] localPort = new int[1];
            List<HttpClientResponse> responses = client.value(loop -> HttpClient.create(loop)
                    .connect("127.0.0.1", server.port())
                    .flatMap(connection -> {
                        List<Promise<HttpClientResponse>> sent = new ArrayList<>();
                        for (int i = 0; i < 8; i++) {
                            sent.add(connection.send(HttpClientRequest.get(base + "/echo/" + i)));
                        }
                        inFlight[0] = connection.inFlight();
                        localPort[0] = connection.localAddress().getPort();
                        return Promise.all(sent).andFinally(connection::close);
                    }));

            assertThat(inFlight[0]).as("all eight written before any answer").isEqualTo(8);
            assertThat(responses).extracting(HttpClientResponse::text).containsExactly(
                    "0@" + localPort[0], "1@" + localPort[0], "2@" + localPort[0], "3@" + localPort[0],
                    "4@" + localPort[0], "5@" + localPort[0], "6@" + localPort[0], "7@" + localPort[0]);
        }
    }

    @Test
    void thePoolPipelinesUpToItsDepthOnItsConnections() {
        try (ClientLoop client = new ClientLoop()) {
            HttpClientOptions options = HttpClientOptions.builder().maxConnectionsPerOrigin(2).pipelining(4).build();
            int[] open = new int[1];
            List<HttpClientResponse> responses = client.value(loop -> {
                HttpClient http = HttpClient.create(loop, options);
                List<Promise<HttpClientResponse>> sent = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    sent.add(http.get(base + "/echo/" + i));
                }
                return Promise.all(sent).then(all -> open[0] = http.connections());
            });

            assertThat(responses).hasSize(20);
            for (int i = 0; i < 20; i++) {
                assertThat(responses.get(i).text()).startsWith(i + "@");
            }
            assertThat(responses.stream().map(r -> r.text().substring(r.text().indexOf('@'))).distinct()).hasSize(2);
            assertThat(open[0]).isEqualTo(2);
        }
    }

    @Test
    void postsABodyWithItsLength() {
        try (ClientLoop client = new ClientLoop()) {
            HttpClientResponse response = client.value(loop -> HttpClient.create(loop).request(HttpMethod.POST, base + "/echo",
                    List.of(new HeaderField("Content-Type", "text/plain")), "ping \u00e9".getBytes(UTF_8)));

            assertThat(response.text()).isEqualTo("ping \u00e9");
        }
    }

    @Test
    void readsAChunkedResponse() {
        try (ClientLoop client = new ClientLoop()) {
            HttpClientResponse response = client.value(loop -> HttpClient.create(loop).get(base + "/stream"));

            assertThat(response.header("transfer-encoding")).hasValue("chunked");
            assertThat(response.text()).isEqualTo("one,two,three");
        }
    }

    @Test
    void headResponseHasNoBodyAndTheConnectionGoesOn() {
        try (ClientLoop client = new ClientLoop()) {
            List<HttpClientResponse> responses = client.value(loop -> HttpClient.create(loop)
                    .connect("127.0.0.1", server.port())
                    .flatMap(connection -> Promise.all(List.of(
                            connection.send(HttpClientRequest.builder(HttpMethod.HEAD, base + "/").build()),
                            connection.send(HttpClientRequest.get(base + "/")))).andFinally(connection::close)));

            assertThat(responses.get(0).header("content-length")).hasValue("13");
            assertThat(responses.get(0).body()).isEmpty();
            assertThat(responses.get(1).text()).isEqualTo("Hello, World!");
        }
    }

    @Test
    void aResponseThatClosesTheConnectionIsNotReused() {
        try (ClientLoop client = new ClientLoop()) {
            List<String> ports = new ArrayList<>();
            client.value(loop -> {
                HttpClient http = HttpClient.create(loop);
                return http.get(base + "/bye")
                        .flatMap(bye -> {
                            assertThat(bye.header("connection")).hasValue("close");
                            return http.get(base + "/port");
                        })
                        .flatMap(first -> {
                            ports.add(first.text());
                            return http.get(base + "/port");
                        })
                        .then(second -> ports.add(second.text()));
            });

            assertThat(ports).hasSize(2).containsOnly(ports.getFirst());
        }
    }

    @Test
    void collectBodyFalseDropsTheBody() {
        try (ClientLoop client = new ClientLoop()) {
            HttpClientResponse response = client.value(loop -> HttpClient.create(loop)
                    .send(HttpClientRequest.builder(HttpMethod.GET, base + "/").collectBody(false).build()));

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.body()).isEmpty();
            assertThat(response.header("content-length")).hasValue("13");
        }
    }

    @Test
    void collectHeadersFalseKeepsOnlyTheStatusAndBody() {
        try (ClientLoop client = new ClientLoop()) {
            List<HttpClientResponse> responses = client.value(loop -> HttpClient.create(loop).connect("127.0.0.1", server.port())
                    .flatMap(connection -> Promise.all(List.of(
                            connection.send(HttpClientRequest.builder(HttpMethod.GET, base + "/stream").collectHeaders(false).build()),
                            connection.send(HttpClientRequest.get(base + "/")))).andFinally(connection::close)));

            assertThat(responses.get(0).headers()).isEmpty();
            assertThat(responses.get(0).text()).isEqualTo("one,two,three");
            assertThat(responses.get(1).header("content-length")).hasValue("13");
        }
    }

    @Test
    void readTimeoutFailsARequestTheServerNeverAnswers() {
        try (ClientLoop client = new ClientLoop()) {
            HttpClientOptions options = HttpClientOptions.builder().readTimeout(Duration.ofMillis(200)).build();
            long start = System.nanoTime();
            Throwable error = client.error(loop -> HttpClient.create(loop, options).get(base + "/hang"));

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(190));
            assertThat(error).isInstanceOf(HttpClientException.class)
                    .hasMessage("no response from 127.0.0.1:" + server.port() + " within 200 ms");
            assertThat(((HttpClientException) error).kind()).isEqualTo(Kind.READ_TIMEOUT);
            assertThat(((HttpClientException) error).status()).isEqualTo(504);
        }
    }

    @Test
    void connectRefusedOnAClosedPort() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        try (ClientLoop client = new ClientLoop()) {
            Throwable error = client.error(loop -> HttpClient.create(loop).get("http://127.0.0.1:" + port + "/"));

            HttpClientException failure = (HttpClientException) error;
            assertThat(failure.kind()).isEqualTo(Kind.CONNECT_FAILED);
            assertThat(failure.code()).isEqualTo("ECONNREFUSED");
            assertThat(failure).hasMessage("connect ECONNREFUSED 127.0.0.1:" + port);
        }
    }

    @Test
    void connectTimeoutWhenTheServerNeverAccepts() throws Exception {
        // A listener with a full accept queue drops new SYNs: the connect neither succeeds nor fails.
        try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                Socket first = new Socket(); Socket second = new Socket()) {
            first.connect(full.getLocalSocketAddress());
            second.connect(full.getLocalSocketAddress());
            HttpClientOptions options = HttpClientOptions.builder().connectTimeout(Duration.ofMillis(200)).build();
            try (ClientLoop client = new ClientLoop()) {
                Throwable error = client.error(loop -> HttpClient.create(loop, options)
                        .get("http://127.0.0.1:" + full.getLocalPort() + "/"));

                assertThat(error).hasMessage("connect to 127.0.0.1:" + full.getLocalPort() + " timed out after 200 ms");
                assertThat(((HttpClientException) error).kind()).isEqualTo(Kind.CONNECT_TIMEOUT);
            }
        }
    }

    @Test
    void requestsWithFramingHeadersOrBadValuesAreRefused() {
        assertThatThrownBy(() -> HttpClientRequest.builder(HttpMethod.POST, base + "/").header("Content-Length", "3").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("set by the client");
        assertThatThrownBy(() -> HttpClientRequest.builder(HttpMethod.GET, base + "/").header("X-A", "1\r\nX-B: 2").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("control");
        assertThatThrownBy(() -> HttpClientRequest.get("https://example.com/"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("https: URLs are not supported");
    }

    @Test
    void encodesTheRequestOnceWithHostAndLength() {
        HttpClientRequest request = HttpClientRequest.builder(HttpMethod.POST, "http://example.com/a?b=c")
                .header("X-Test", "1").body("hi").build();
        byte[] wire = new byte[request.encodedLength()];
        request.encoded().get(wire);

        assertThat(new String(wire, UTF_8)).isEqualTo(
                "POST /a?b=c HTTP/1.1\r\nHost: example.com\r\nX-Test: 1\r\nContent-Length: 2\r\n\r\nhi");
        assertThat(HttpClientRequest.get("http://[::1]:8080").origin()).isEqualTo("[::1]:8080");
    }

    @Test
    void sendingOnAClosedConnectionFailsAtOnce() {
        try (ClientLoop client = new ClientLoop()) {
            Throwable error = client.error(loop -> HttpClient.create(loop).connect("127.0.0.1", server.port())
                    .flatMap(connection -> {
                        connection.close();
                        assertThat(connection.isOpen()).isFalse();
                        return connection.send(HttpClientRequest.get(base + "/"));
                    }));

            assertThat(((HttpClientException) error).kind()).isEqualTo(Kind.CONNECTION_CLOSED);
        }
    }

    @Test
    void closingTheClientFailsWaitingRequests() {
        try (ClientLoop client = new ClientLoop()) {
            Throwable error = client.error(loop -> {
                HttpClient http = HttpClient.create(loop);
                Promise<HttpClientResponse> hanging = http.get(base + "/hang");
                loop.setTimeout(http::close, 50);
                return hanging;
            });

            assertThat(((HttpClientException) error).kind()).isEqualTo(Kind.CLIENT_CLOSED);
        }
    }
}
