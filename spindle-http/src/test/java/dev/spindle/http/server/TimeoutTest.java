package dev.spindle.http.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.http.App;
import dev.spindle.http.Handler;
import dev.spindle.http.HttpException;
import dev.spindle.http.HttpServerOptions;
import dev.spindle.loop.Promise;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The server's deadlines with short settings: the header section (slowloris), the whole request
 * (a slow body), and keep-alive idle; and that none of them cuts a slow handler or a pipelined
 * request waiting behind one. A deadline fires up to one sweep interval late (and the loop's clock,
 * read once per turn, can make it that much early), so elapsed times are checked in a wide window.
 */
class TimeoutTest {

    private static final long HEADERS_TIMEOUT = 300;
    private static final long REQUEST_TIMEOUT = 600;
    private static final long KEEP_ALIVE_TIMEOUT = 200;
    private static final long CHECK_INTERVAL = 50;

    private static TestServer server;
    private static final CompletableFuture<Throwable> slowBodyFailure = new CompletableFuture<>();
    private static ScheduledExecutorService trickler;

    @BeforeAll
    static void start() {
        trickler = Executors.newSingleThreadScheduledExecutor();
        HttpServerOptions options = HttpServerOptions.builder()
                .headersTimeout(Duration.ofMillis(HEADERS_TIMEOUT))
                .requestTimeout(Duration.ofMillis(REQUEST_TIMEOUT))
                .keepAliveTimeout(Duration.ofMillis(KEEP_ALIVE_TIMEOUT))
                .timeoutCheckInterval(Duration.ofMillis(CHECK_INTERVAL))
                .build();
        server = TestServer.start(App.create()
                .get("/hello", (req, res) -> res.send("hello"))
                .post("/echo", Handler.async((req, res) -> req.body().text().then(res::send)))
                .post("/slow-body", Handler.async((req, res) -> req.body().text()
                        .onFailure(slowBodyFailure::complete)
                        .then(res::send)))
                .get("/slow", Handler.async((req, res) -> {
                    Promise<Void> done = server.loop.promise();
                    long delay = Long.parseLong(req.query("ms").orElseThrow());
                    server.loop.setTimeout(() -> {
                        res.send("slow");
                        done.resolve(null);
                    }, delay);
                    return done;
                })), options);
    }

    @AfterAll
    static void stop() {
        trickler.shutdownNow();
        server.close();
    }

    /** Sends {@code prefix} at once, then one more byte of an endless header every 50 ms until the server closes. */
    private static ScheduledFuture<?> trickle(RawClient client, String prefix) {
        client.send(prefix);
        client.send("X-Slow: ");
        return trickler.scheduleAtFixedRate(() -> client.send("a", false), 50, 50, TimeUnit.MILLISECONDS);
    }

    @Test
    void slowlorisGets408AndAClosedConnection() {
        try (RawClient client = new RawClient(server.port())) {
            long start = System.nanoTime();
            ScheduledFuture<?> sending = trickle(client, "GET /hello HTTP/1.1\r\nHost: x\r\n");
            List<RawClient.Reply> replies = client.readUntilClosed();
            long elapsed = millisSince(start);
            sending.cancel(false);
            assertThat(replies).extracting(RawClient.Reply::status).containsExactly(408);
            assertThat(replies.getFirst().header("connection")).isEqualTo("close");
            assertThat(elapsed).isBetween(HEADERS_TIMEOUT - 2 * CHECK_INTERVAL, HEADERS_TIMEOUT + 3000);
        }
    }

    @Test
    void slowlorisOnAKeepAliveConnectionIsTimedFromItsFirstByte() {
        try (RawClient client = new RawClient(server.port())) {
            assertThat(client.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n").read().body()).isEqualTo("hello");
            ScheduledFuture<?> sending = trickle(client, "GET /hello HTTP/1.1\r\n");
            List<RawClient.Reply> replies = client.readUntilClosed();
            sending.cancel(false);
            assertThat(replies).extracting(RawClient.Reply::status).containsExactly(408);
        }
    }

    @Test
    void aConnectionThatSendsNothingIsTimedOut() {
        try (RawClient client = new RawClient(server.port())) {
            List<RawClient.Reply> replies = client.readUntilClosed();
            assertThat(replies).extracting(RawClient.Reply::status).containsExactly(408);
        }
    }

    @Test
    void idleKeepAliveConnectionIsClosed() {
        try (RawClient client = new RawClient(server.port())) {
            assertThat(client.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n").read().body()).isEqualTo("hello");
            long start = System.nanoTime();
            assertThat(client.isClosedByServer()).isTrue();
            // From when the client read the response, which may be a little after the server sent it.
            assertThat(millisSince(start)).isBetween(KEEP_ALIVE_TIMEOUT / 2, KEEP_ALIVE_TIMEOUT + 3000);
        }
    }

    @Test
    void slowBodyIsCutAtTheRequestTimeout() {
        try (RawClient client = new RawClient(server.port())) {
            long start = System.nanoTime();
            client.send("POST /slow-body HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nonly ten b");
            List<RawClient.Reply> replies = client.readUntilClosed();
            assertThat(replies).extracting(RawClient.Reply::status).containsExactly(408);
            assertThat(millisSince(start)).isBetween(REQUEST_TIMEOUT - 2 * CHECK_INTERVAL, REQUEST_TIMEOUT + 3000);
        }
        Throwable failure = slowBodyFailure.orTimeout(5, TimeUnit.SECONDS).join();
        assertThat(failure).isInstanceOf(HttpException.class);
        assertThat(((HttpException) failure).status()).isEqualTo(408);
    }

    @Test
    void slowHandlerIsNotCutByAnyDeadline() {
        try (RawClient client = new RawClient(server.port())) {
            long slow = REQUEST_TIMEOUT + 200;
            RawClient.Reply reply = client.send("GET /slow?ms=" + slow + " HTTP/1.1\r\nHost: x\r\n\r\n").read();
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.body()).isEqualTo("slow");
            assertThat(reply.header("connection")).as("the connection is kept").isNull();
        }
    }

    @Test
    void pipelinedRequestIsTimedFromWhenTheServerTurnsToIt() {
        try (RawClient client = new RawClient(server.port())) {
            long slow = REQUEST_TIMEOUT + 200;
            client.send("GET /slow?ms=" + slow + " HTTP/1.1\r\nHost: x\r\n\r\n"
                    + "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nhello");
            assertThat(client.read().body()).isEqualTo("slow");
            // The second request began long ago on the wire, but its clock starts now: let a few
            // sweeps pass (on the loop's own clock) before its body is finished.
            afterLoopDelay(3 * CHECK_INTERVAL);
            RawClient.Reply echo = client.send("world").read();
            assertThat(echo.status()).isEqualTo(200);
            assertThat(echo.body()).isEqualTo("helloworld");
        }
    }

    @Test
    void closingConnectionWhoseClientStaysOpenIsDestroyedAfterLingering() {
        App app = App.create().get("/hello", (req, res) -> res.send("hello"));
        try (TestServer lone = TestServer.start(app); RawClient client = new RawClient(lone.port())) {
            RawClient.Reply reply = client.send("GET /hello HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").read();
            assertThat(reply.header("connection")).isEqualTo("close");
            assertThat(client.isClosedByServer()).as("the server half-closed at once").isTrue();
            assertThat(lone.onLoop(lone.server::connections)).as("lingering for the client's end").isEqualTo(1);
            // The client never closes: the server gives up after its linger time (2 s).
            lone.awaitOnLoop("the lingering connection is destroyed", () -> lone.server.connections() == 0,
                    Duration.ofSeconds(10));
        }
    }

    /** Returns once a timer of {@code millis} set now on the server's loop has fired. */
    private static void afterLoopDelay(long millis) {
        CompletableFuture<Void> fired = new CompletableFuture<>();
        server.onLoop(() -> server.loop.setTimeout(() -> fired.complete(null), millis));
        fired.orTimeout(5, TimeUnit.SECONDS).join();
    }

    private static long millisSince(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }
}
