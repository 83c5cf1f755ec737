package dev.spindle.http.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.http.App;
import dev.spindle.http.Handler;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each rule of the request parser, from raw bytes on a real socket, sent whole and one byte per
 * write: the server answers the rule's status with {@code Connection: close} and closes, having
 * answered nothing else. A valid request first on the same connection is answered normally, so the
 * rejection is of the bad request and not of the connection.
 */
class MalformedRequestTest {

    private static final String OK = "GET /ok HTTP/1.1\r\nHost: x\r\n\r\n";

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(App.create()
                .all("/*", Handler.async((req, res) -> req.body().bytes().then(body -> res.send("ok")))));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Stream<Arguments> rules() {
        return Stream.of(
                rule("Content-Length with Transfer-Encoding", 400,
                        "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"),
                rule("two different Content-Length values", 400,
                        "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello!"),
                rule("Content-Length list with different values", 400,
                        "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5, 6\r\n\r\nhello!"),
                rule("unknown transfer coding before chunked", 501,
                        "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n"),
                rule("chunked not the final coding", 400,
                        "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked, gzip\r\n\r\n0\r\n\r\n"),
                rule("obs-fold", 400,
                        "GET / HTTP/1.1\r\nHost: x\r\nX-Folded: a\r\n b\r\n\r\n"),
                rule("invalid token byte in a field name", 400,
                        "GET / HTTP/1.1\r\nHost: x\r\nX(Bad): a\r\n\r\n"),
                rule("invalid token byte in the method", 400,
                        "G@T / HTTP/1.1\r\nHost: x\r\n\r\n"),
                rule("NUL in a field value", 400,
                        "GET / HTTP/1.1\r\nHost: x\r\nX-Value: a\u0000b\r\n\r\n"),
                rule("DEL in a field value", 400,
                        "GET / HTTP/1.1\r\nHost: x\r\nX-Value: a\u007fb\r\n\r\n"),
                rule("bare CR in a field value", 400,
                        "GET / HTTP/1.1\r\nHost: x\r\nX-Value: a\rb\r\n\r\n"),
                rule("bare CR ending the request line", 400,
                        "GET / HTTP/1.1\rHost: x\r\n\r\n"),
                rule("bare LF ending a field line", 400,
                        "GET / HTTP/1.1\r\nHost: x\nX-Value: a\r\n\r\n"),
                rule("whitespace between field name and colon", 400,
                        "GET / HTTP/1.1\r\nHost : x\r\n\r\n"),
                rule("chunk-size overflow", 400,
                        "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nfffffffffffffffff\r\nabc\r\n0\r\n\r\n"),
                rule("header section over 16 KiB", 431,
                        "GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(16 * 1024) + "\r\n\r\n"),
                rule("many fields over 16 KiB together", 431,
                        "GET / HTTP/1.1\r\nHost: x\r\n" + "X-Field: 0123456789012345678901234567890123456789\r\n".repeat(400) + "\r\n"),
                rule("request-target over 8 KiB", 414,
                        "GET /" + "a".repeat(8 * 1024) + " HTTP/1.1\r\nHost: x\r\n\r\n"),
                rule("HTTP/1.2", 505, "GET / HTTP/1.2\r\nHost: x\r\n\r\n"),
                rule("HTTP/2.0", 505, "GET / HTTP/2.0\r\nHost: x\r\n\r\n"),
                rule("HTTP/1.1 without Host", 400, "GET / HTTP/1.1\r\n\r\n"),
                rule("two Host fields", 400, "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n"),
                rule("unknown method", 501, "BREW / HTTP/1.1\r\nHost: x\r\n\r\n"));
    }

    private static Arguments rule(String name, int status, String raw) {
        return Arguments.of(name, status, raw);
    }

    @ParameterizedTest(name = "{0} -> {1}, whole")
    @MethodSource("rules")
    void rejectedWhole(String name, int status, String raw) {
        expectRejection(status, raw, false);
    }

    @ParameterizedTest(name = "{0} -> {1}, byte by byte")
    @MethodSource("rules")
    void rejectedByteByByte(String name, int status, String raw) {
        expectRejection(status, raw, true);
    }

    private static void expectRejection(int status, String raw, boolean byteByByte) {
        try (RawClient client = new RawClient(server.port())) {
            client.send(OK + raw, byteByByte);
            List<RawClient.Reply> replies = client.readUntilClosed();
            assertThat(replies).extracting(RawClient.Reply::status).containsExactly(200, status);
            assertThat(replies.get(0).body()).isEqualTo("ok");
            assertThat(replies.get(1).header("connection")).isEqualTo("close");
        }
    }
}
