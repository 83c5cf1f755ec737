package dev.spindle.http.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.http.App;
import dev.spindle.http.Handler;
import dev.spindle.http.HttpException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServerSmokeTest {

    record Found(String id, String q) {}

    private static App app() {
        return App.create()
                .get("/", (req, res) -> res.send("Hello, World!"))
                .get("/users/:id", (req, res) -> res.json(new Found(req.param("id"), req.query("q").orElse(""))))
                .post("/echo", Handler.async((req, res) -> req.body().text().then(res::send)))
                .get("/boom", (req, res) -> { throw new IllegalStateException("kaboom"); })
                .get("/teapot", (req, res) -> { throw new HttpException(418, "short and stout"); })
                .get("/stream", (req, res) -> {
                    res.write("one,");
                    res.write("two");
                    res.end();
                });
    }

    @Test
    void servesRoutesOverRealSockets() {
        try (TestServer server = TestServer.start(app()); RawClient client = new RawClient(server.port())) {
            RawClient.Reply hello = client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").read();
            assertThat(hello.status()).isEqualTo(200);
            assertThat(hello.body()).isEqualTo("Hello, World!");
            assertThat(hello.header("content-type")).isEqualTo("text/plain; charset=utf-8");
            assertThat(hello.header("date")).isNotBlank();

            RawClient.Reply user = client.send("GET /users/42?q=a%20b HTTP/1.1\r\nHost: x\r\n\r\n").read();
            assertThat(user.body()).isEqualTo("{\"id\":\"42\",\"q\":\"a b\"}").isNotEmpty();

            RawClient.Reply echo = client.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello").read();
            assertThat(echo.body()).isEqualTo("hello");

            RawClient.Reply boom = client.send("GET /boom HTTP/1.1\r\nHost: x\r\n\r\n").read();
            assertThat(boom.status()).isEqualTo(500);
            assertThat(boom.body()).isEqualTo("Internal Server Error").doesNotContain("kaboom");

            assertThat(client.send("GET /teapot HTTP/1.1\r\nHost: x\r\n\r\n").read().status()).isEqualTo(418);

            RawClient.Reply stream = client.send("GET /stream HTTP/1.1\r\nHost: x\r\n\r\n").read();
            assertThat(stream.header("transfer-encoding")).isEqualTo("chunked");
            assertThat(stream.body()).isEqualTo("one,two");

            RawClient.Reply missing = client.send("GET /nope HTTP/1.1\r\nHost: x\r\n\r\n").read();
            assertThat(missing.status()).isEqualTo(404);

            RawClient.Reply wrongMethod = client.send("DELETE /users/1 HTTP/1.1\r\nHost: x\r\n\r\n").read();
            assertThat(wrongMethod.status()).isEqualTo(405);
            assertThat(wrongMethod.header("allow")).isEqualTo("GET, HEAD, OPTIONS");
        }
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrder() {
        try (TestServer server = TestServer.start(app()); RawClient client = new RawClient(server.port())) {
            client.send("GET /users/1 HTTP/1.1\r\nHost: x\r\n\r\n"
                    + "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc"
                    + "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            List<RawClient.Reply> replies = client.read(3);
            assertThat(replies).extracting(RawClient.Reply::body)
                    .containsExactly("{\"id\":\"1\",\"q\":\"\"}", "abc", "Hello, World!");
            assertThat(replies.get(2).header("connection")).isEqualTo("close");
            assertThat(client.isClosedByServer()).isTrue();
        }
    }

    @Test
    void malformedRequestsGetTheirStatusAndAClosedConnection() {
        try (TestServer server = TestServer.start(app()); RawClient client = new RawClient(server.port())) {
            RawClient.Reply reply = client.send("GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n").read();
            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.header("connection")).isEqualTo("close");
            assertThat(client.isClosedByServer()).isTrue();
        }
    }
}
