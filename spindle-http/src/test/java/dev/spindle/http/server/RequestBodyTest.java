package dev.spindle.http.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.http.App;
import dev.spindle.http.Handler;
import dev.spindle.http.HttpServerOptions;
import dev.spindle.http.RequestBody;
import dev.spindle.loop.Promise;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Request bodies over real sockets: collected as bytes, text and JSON under a limit (413 past it,
 * whether the declared length or a chunked body crosses it), malformed JSON (400), and a streamed
 * body that its handler pauses and resumes.
 */
class RequestBodyTest {

    private static final int LIMIT = 1000;

    record Point(int x, int y) {}

    private static TestServer server;

    @BeforeAll
    static void start() {
        HttpServerOptions options = HttpServerOptions.builder().maxBodyBytes(LIMIT).build();
        server = TestServer.start(App.create()
                .get("/hello", (req, res) -> res.send("hello"))
                .post("/bytes", Handler.async((req, res) -> req.body().bytes()
                        .then(body -> res.send(body.length + ":" + crc(body)))))
                .post("/bytes-10", Handler.async((req, res) -> req.body().bytes(10)
                        .then(body -> res.send(Integer.toString(body.length)))))
                .post("/bytes-1m", Handler.async((req, res) -> req.body().bytes(1 << 20)
                        .then(body -> res.send(body.length + ":" + crc(body)))))
                .post("/text", Handler.async((req, res) -> req.body().text().then(text -> res.send("got " + text))))
                .post("/json", Handler.async((req, res) -> req.body().json(Point.class)
                        .then(point -> res.json(new Point(point.y(), point.x())))))
                .post("/throwing-listener", (req, res) -> req.body().onData(chunk -> {
                    throw new IllegalStateException("a body listener failed");
                }).onEnd(() -> res.send("never")))
                .post("/throwing-end", (req, res) -> req.body().onData(chunk -> { }).onEnd(() -> {
                    throw new IllegalStateException("an end listener failed");
                }))
                .get("/throwing-finish", (req, res) -> res.onFinish(() -> {
                    throw new IllegalStateException("a finish listener failed");
                }).send("finished"))
                .post("/echo-stream", (req, res) -> {
                    long[] count = {0};
                    req.body().onData(chunk -> count[0] += chunk.remaining())
                            .onEnd(() -> {
                                res.write(Long.toString(count[0]));
                                res.end();
                            });
                    res.write("started;"); // the head goes out before the body has arrived
                })
                .post("/stream", Handler.async((req, res) -> stream(req.body()).then(res::send))), options);
    }

    /**
     * Reads the body as a stream, pausing after every 64 KiB and resuming on a later loop turn;
     * answers the length, the checksum and how often it paused.
     */
    private static Promise<String> stream(RequestBody body) {
        Promise<String> done = server.loop.promise();
        CRC32 crc = new CRC32();
        long[] counts = new long[3]; // bytes, bytes since the last pause, pauses
        body.onData(chunk -> {
            counts[0] += chunk.remaining();
            counts[1] += chunk.remaining();
            crc.update(chunk);
            if (counts[1] >= 64 * 1024) {
                counts[1] = 0;
                counts[2]++;
                body.pause();
                server.loop.setTimeout(body::resume, 1);
            }
        });
        body.onEnd(() -> done.resolve(counts[0] + ":" + crc.getValue() + ":" + counts[2]));
        body.onError(done::reject);
        return done;
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static long crc(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return crc.getValue();
    }

    private static String post(String path, String body) {
        return "POST " + path + " HTTP/1.1\r\nHost: x\r\nContent-Length: " + body.length() + "\r\n\r\n" + body;
    }

    private static String chunked(String path, List<String> chunks) {
        StringBuilder request = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n");
        for (String chunk : chunks) {
            request.append(Integer.toHexString(chunk.length())).append("\r\n").append(chunk).append("\r\n");
        }
        return request.append("0\r\n\r\n").toString();
    }

    @Test
    void collectsBytesTextAndJson() {
        try (RawClient client = new RawClient(server.port())) {
            byte[] payload = "x".repeat(LIMIT).getBytes(StandardCharsets.US_ASCII);
            assertThat(client.send(post("/bytes", "x".repeat(LIMIT))).read().body()).isEqualTo(LIMIT + ":" + crc(payload));
            assertThat(client.send(post("/bytes", "")).read().body()).isEqualTo("0:0");
            assertThat(client.send(post("/text", "h\u00c3\u00a9llo")).read().body()).isEqualTo("got h\u00e9llo");
            assertThat(client.send(chunked("/text", List.of("chun", "ked"))).read().body()).isEqualTo("got chunked");
            RawClient.Reply json = client.send(post("/json", "{\"x\":1,\"y\":2}")).read();
            assertThat(json.header("content-type")).startsWith("application/json");
            assertThat(json.body()).isEqualTo("{\"x\":2,\"y\":1}");
        }
    }

    @Test
    void declaredLengthOverTheLimitIs413AndTheBodyIsSkipped() {
        try (RawClient client = new RawClient(server.port())) {
            RawClient.Reply tooLarge = client.send(post("/bytes", "x".repeat(LIMIT + 1))).read();
            assertThat(tooLarge.status()).isEqualTo(413);
            assertThat(tooLarge.header("connection")).isNull();
            assertThat(client.send(post("/bytes-10", "0123456789A")).read().status()).isEqualTo(413);
            // The rejected bodies were read and thrown away: the connection goes on.
            assertThat(client.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n").read().body()).isEqualTo("hello");
        }
    }

    @Test
    void declaredLengthTooLargeToSkipIs413AndClose() {
        try (RawClient client = new RawClient(server.port())) {
            client.send("POST /bytes HTTP/1.1\r\nHost: x\r\nContent-Length: 100000000\r\n\r\nthe start of a long body");
            List<RawClient.Reply> replies = client.readUntilClosed();
            assertThat(replies).extracting(RawClient.Reply::status).containsExactly(413);
            assertThat(replies.getFirst().header("connection")).isEqualTo("close");
        }
    }

    @Test
    void chunkedBodyGrowingPastTheLimitIs413() {
        try (RawClient client = new RawClient(server.port())) {
            List<String> chunks = List.of("a".repeat(400), "b".repeat(400), "c".repeat(400), "d".repeat(400));
            RawClient.Reply reply = client.send(chunked("/bytes", chunks)).read();
            assertThat(reply.status()).isEqualTo(413);
            assertThat(client.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n").read().body()).isEqualTo("hello");
        }
    }

    @Test
    void endlessChunkedBodyIs413AndTheConnectionCloses() throws Exception {
        try (RawClient client = new RawClient(server.port())) {
            client.send("POST /bytes HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n");
            String chunk = "4000\r\n" + "z".repeat(0x4000) + "\r\n";
            CompletableFuture<Boolean> writer = CompletableFuture.supplyAsync(() -> {
                for (int i = 0; i < 256; i++) { // 4 MiB, more than the server throws away
                    if (!client.send(chunk, false)) {
                        return false;
                    }
                }
                return true;
            });
            List<RawClient.Reply> replies = client.readUntilClosed();
            assertThat(replies).extracting(RawClient.Reply::status).containsExactly(413);
            writer.get(10, TimeUnit.SECONDS); // the server read on, so the client's writes did not fail
        }
    }

    @Test
    void listenerThatThrowsFailsTheRequestInsteadOfTheConnection() {
        List<Throwable> uncaught = new java.util.concurrent.CopyOnWriteArrayList<>();
        server.onLoop(() -> {
            server.loop.onUncaughtException(uncaught::add);
            return null;
        });
        try (RawClient client = new RawClient(server.port())) {
            RawClient.Reply reply = client.send(post("/throwing-listener", "some body")).read();
            assertThat(reply.status()).isEqualTo(500);
            assertThat(reply.body()).doesNotContain("listener");
            assertThat(client.send(post("/throwing-end", "body")).read().status()).isEqualTo(500);
            assertThat(client.send("GET /throwing-finish HTTP/1.1\r\nHost: x\r\n\r\n").read().body()).isEqualTo("finished");
            assertThat(client.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n").read().body()).isEqualTo("hello");
        }
        assertThat(uncaught).as("every failure went to its request, none to the loop").isEmpty();
    }

    @Test
    void largeBodyReadWhileTheResponseStreamsKeepsTheConnection() {
        int size = 3 << 20;
        try (RawClient client = new RawClient(server.port())) {
            client.send("POST /echo-stream HTTP/1.1\r\nHost: x\r\nContent-Length: " + size + "\r\n\r\n");
            CompletableFuture.runAsync(() -> client.sendBytes(new byte[size], false));
            RawClient.Reply reply = client.read();
            assertThat(reply.body()).isEqualTo("started;" + size);
            assertThat(reply.header("connection")).isNull();
            assertThat(client.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n").read().body()).isEqualTo("hello");
        }
    }

    @Test
    void malformedJsonIs400() {
        try (RawClient client = new RawClient(server.port())) {
            assertThat(client.send(post("/json", "{\"x\":1,")).read().status()).isEqualTo(400);
            assertThat(client.send(post("/json", "[1, 2]")).read().status()).isEqualTo(400);
            assertThat(client.send(post("/json", "")).read().status()).isEqualTo(400);
            RawClient.Reply ok = client.send(post("/json", "{\"x\":3,\"y\":4}")).read();
            assertThat(ok.body()).isEqualTo("{\"x\":4,\"y\":3}");
        }
    }

    @Test
    void streamedBodyArrivesWholeThroughPausesAndResumes() {
        int size = 1 << 20;
        byte[] payload = new byte[size];
        for (int i = 0; i < size; i++) {
            payload[i] = (byte) (i * 31 + (i >>> 11));
        }
        try (RawClient client = new RawClient(server.port())) {
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            request.writeBytes(("POST /stream HTTP/1.1\r\nHost: x\r\nContent-Length: " + size + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            request.writeBytes(payload);
            CompletableFuture.runAsync(() -> client.sendBytes(request.toByteArray(), false));
            String[] answer = client.read().body().split(":");
            assertThat(Long.parseLong(answer[0])).isEqualTo(size);
            assertThat(Long.parseLong(answer[1])).isEqualTo(crc(payload));
            assertThat(Long.parseLong(answer[2])).as("pauses").isGreaterThanOrEqualTo(8);
        }
    }

    @Test
    void chunkedBodyStreamsToo() {
        try (RawClient client = new RawClient(server.port())) {
            List<String> chunks = List.of("x".repeat(70_000), "y".repeat(70_000), "z");
            byte[] all = String.join("", chunks).getBytes(StandardCharsets.US_ASCII);
            String[] answer = client.send(chunked("/stream", chunks)).read().body().split(":");
            assertThat(Long.parseLong(answer[0])).isEqualTo(all.length);
            assertThat(Long.parseLong(answer[1])).isEqualTo(crc(all));
            assertThat(client.send(post("/bytes-1m", "small")).read().status()).isEqualTo(200);
        }
    }
}
