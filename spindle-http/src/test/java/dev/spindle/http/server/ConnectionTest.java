package dev.spindle.http.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.http.App;
import dev.spindle.http.Handler;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Connection management over real sockets: keep-alive, HTTP/1.0 with and without it,
 * {@code Connection: close}, HEAD, {@code Expect: 100-continue}, the framing of a streamed
 * response, and the {@code Date} header.
 */
class ConnectionTest {

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(App.create()
                .get("/hello", (req, res) -> res.send("hello"))
                .post("/echo", Handler.async((req, res) -> req.body().text().then(res::send)))
                .post("/refuse", (req, res) -> res.status(403).send("no"))
                .get("/stream", (req, res) -> {
                    res.write("one,");
                    res.write("two,");
                    res.write("three");
                    res.end();
                })
                .get("/sized", (req, res) -> {
                    res.header("Content-Length", "7");
                    res.write("abc");
                    res.write("defg");
                    res.end();
                })
                .get("/later", Handler.async((req, res) -> {
                    dev.spindle.loop.Promise<Void> done = server.loop.promise();
                    server.loop.setTimeout(() -> {
                        res.send("later");
                        done.resolve(null);
                    }, 50);
                    return done;
                }))
                .get("/connections", (req, res) -> res.send(Integer.toString(server.server.connections()))));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String get(String path) {
        return "GET " + path + " HTTP/1.1\r\nHost: x\r\n\r\n";
    }

    @Test
    void http11KeepsTheConnectionForManyRequests() {
        try (RawClient client = new RawClient(server.port())) {
            for (int i = 0; i < 20; i++) {
                RawClient.Reply reply = client.send(get("/hello")).read();
                assertThat(reply.status()).isEqualTo(200);
                assertThat(reply.body()).isEqualTo("hello");
                assertThat(reply.header("connection")).isNull();
            }
            assertThat(client.send(get("/connections")).read().body()).isEqualTo("1");
        }
    }

    @Test
    void connectionCloseIsHonouredAndAnnounced() {
        try (RawClient client = new RawClient(server.port())) {
            RawClient.Reply reply = client.send("GET /hello HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").read();
            assertThat(reply.body()).isEqualTo("hello");
            assertThat(reply.header("connection")).isEqualTo("close");
            assertThat(client.isClosedByServer()).isTrue();
        }
    }

    @Test
    void requestCutShortByTheClientIsAnswered400() {
        try (RawClient client = new RawClient(server.port())) {
            client.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nhalf").halfClose();
            List<RawClient.Reply> replies = client.readUntilClosed();
            assertThat(replies).extracting(RawClient.Reply::status).containsExactly(400);
        }
    }

    @Test
    void http10WithoutKeepAliveClosesAfterTheResponse() {
        try (RawClient client = new RawClient(server.port())) {
            RawClient.Reply reply = client.send("GET /hello HTTP/1.0\r\n\r\n").read();
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.body()).isEqualTo("hello");
            assertThat(reply.header("connection")).isEqualTo("close");
            assertThat(client.isClosedByServer()).isTrue();
        }
    }

    @Test
    void http10WithKeepAliveKeepsTheConnection() {
        try (RawClient client = new RawClient(server.port())) {
            for (int i = 0; i < 3; i++) {
                RawClient.Reply reply = client.send("GET /hello HTTP/1.0\r\nConnection: keep-alive\r\n\r\n").read();
                assertThat(reply.body()).isEqualTo("hello");
                assertThat(reply.header("connection")).isEqualTo("keep-alive");
            }
            RawClient.Reply last = client.send("GET /hello HTTP/1.0\r\n\r\n").read();
            assertThat(last.header("connection")).isEqualTo("close");
            assertThat(client.isClosedByServer()).isTrue();
        }
    }

    @Test
    void http10StreamedResponseIsDelimitedByTheClose() {
        try (RawClient client = new RawClient(server.port())) {
            RawClient.Reply reply = client.send("GET /stream HTTP/1.0\r\nConnection: keep-alive\r\n\r\n").read();
            assertThat(reply.header("transfer-encoding")).isNull();
            assertThat(reply.header("content-length")).isNull();
            assertThat(reply.header("connection")).isEqualTo("close");
            assertThat(reply.body()).isEqualTo("one,two,three"); // read to the end of the stream
        }
    }

    @Test
    void headGetsTheHeadersOfGetWithContentLengthAndNoBody() {
        try (RawClient client = new RawClient(server.port())) {
            RawClient.Reply head = client.send("HEAD /hello HTTP/1.1\r\nHost: x\r\n\r\n").read(true);
            assertThat(head.status()).isEqualTo(200);
            assertThat(head.header("content-length")).isEqualTo("5");
            assertThat(head.header("content-type")).isEqualTo("text/plain; charset=utf-8");
            // Had a body followed the head, it would be read here as the next status line.
            RawClient.Reply next = client.send(get("/hello")).read();
            assertThat(next.status()).isEqualTo(200);
            assertThat(next.body()).isEqualTo("hello");
        }
    }

    @Test
    void headOfAStreamedResponseSendsNoChunks() {
        try (RawClient client = new RawClient(server.port())) {
            RawClient.Reply head = client.send("HEAD /stream HTTP/1.1\r\nHost: x\r\n\r\n").read(true);
            assertThat(head.status()).isEqualTo(200);
            assertThat(client.send(get("/hello")).read().body()).isEqualTo("hello");
        }
    }

    @Test
    void responseOfUnknownLengthIsChunked() {
        try (RawClient client = new RawClient(server.port())) {
            RawClient.Reply reply = client.send(get("/stream")).read();
            assertThat(reply.header("transfer-encoding")).isEqualTo("chunked");
            assertThat(reply.header("content-length")).isNull();
            assertThat(reply.body()).isEqualTo("one,two,three");
            assertThat(client.send(get("/hello")).read().body()).isEqualTo("hello");
        }
    }

    @Test
    void streamedResponseWithContentLengthIsNotChunked() {
        try (RawClient client = new RawClient(server.port())) {
            RawClient.Reply reply = client.send(get("/sized")).read();
            assertThat(reply.header("transfer-encoding")).isNull();
            assertThat(reply.header("content-length")).isEqualTo("7");
            assertThat(reply.body()).isEqualTo("abcdefg");
            assertThat(client.send(get("/hello")).read().body()).isEqualTo("hello");
        }
    }

    @Test
    void expectContinueGetsA100WhenTheHandlerReadsTheBody() {
        try (RawClient client = new RawClient(server.port())) {
            client.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n");
            RawClient.Reply interim = client.read();
            assertThat(interim.status()).isEqualTo(100);
            RawClient.Reply reply = client.send("hello").read();
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.body()).isEqualTo("hello");
            assertThat(reply.header("connection")).isNull();
            assertThat(client.send(get("/hello")).read().body()).isEqualTo("hello");
        }
    }

    @Test
    void expectContinueGetsTheFinalResponseAloneWhenTheHandlerDoesNotRead() {
        try (RawClient client = new RawClient(server.port())) {
            client.send("POST /refuse HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n");
            RawClient.Reply reply = client.read();
            assertThat(reply.status()).isEqualTo(403);
            assertThat(reply.body()).isEqualTo("no");
            assertThat(reply.header("connection")).isEqualTo("close");
            assertThat(client.isClosedByServer()).isTrue();
        }
    }

    @Test
    void everyResponseHasADate() {
        List<String> dates = new ArrayList<>();
        try (RawClient client = new RawClient(server.port())) {
            dates.add(client.send(get("/hello")).read().header("date"));
            dates.add(client.send(get("/stream")).read().header("date"));
            dates.add(client.send(get("/nowhere")).read().header("date"));
            dates.add(client.send("GET / HTTP/1.1\r\n\r\n").read().header("date")); // a parse error
        }
        for (String date : dates) {
            assertThat(date).matches("[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT");
            ZonedDateTime parsed = ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME);
            assertThat(date).endsWith(" GMT");
            assertThat(Math.abs(parsed.toEpochSecond() - System.currentTimeMillis() / 1000)).isLessThan(60);
        }
    }
}
