package dev.spindle.http.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spindle.http.App;
import dev.spindle.http.Handler;
import dev.spindle.loop.Promise;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@code server.close()} with requests in flight: the listening socket closes at once, idle
 * keep-alive connections are closed at once, every request in flight is answered with
 * {@code Connection: close}, and the promise settles when the last connection is gone. A request
 * that never finishes is cut at the shutdown deadline.
 */
class GracefulShutdownTest {

    private static final int IN_FLIGHT = 20;
    private static final int IDLE = 5;

    /** Handlers wait for this gate, then answer from a loop timer. */
    private Promise<Void> gate;
    private final CountDownLatch started = new CountDownLatch(IN_FLIGHT);
    private final CountDownLatch neverStarted = new CountDownLatch(1);
    private final AtomicInteger answered = new AtomicInteger();

    private App app() {
        return App.create()
                .get("/hello", (req, res) -> res.send("hello"))
                .get("/slow", Handler.async((req, res) -> {
                    started.countDown();
                    Promise<Void> done = gate.loop().promise();
                    gate.then(open -> gate.loop().setTimeout(() -> {
                        answered.incrementAndGet();
                        res.send("slow");
                        done.resolve(null);
                    }, 10));
                    return done;
                }))
                .get("/never", (req, res) -> neverStarted.countDown());
    }

    @Test
    void inFlightRequestsAreAnsweredAndIdleConnectionsClosedAtOnce() throws Exception {
        try (TestServer server = TestServer.start(app())) {
            gate = server.onLoop(() -> server.loop.promise());
            List<RawClient> idle = new ArrayList<>();
            List<RawClient> busy = new ArrayList<>();
            try {
                for (int i = 0; i < IDLE; i++) {
                    RawClient client = new RawClient(server.port());
                    idle.add(client);
                    assertThat(client.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n").read().body()).isEqualTo("hello");
                }
                for (int i = 0; i < IN_FLIGHT; i++) {
                    RawClient client = new RawClient(server.port());
                    busy.add(client);
                    client.send("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n");
                }
                assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
                assertThat(server.onLoop(server.server::connections)).isEqualTo(IDLE + IN_FLIGHT);

                CompletableFuture<Void> closed = server.onLoop(() -> server.server.close().toCompletableFuture());

                server.afterPoll(); // the listening descriptor is released by the selector
                assertThatThrownBy(() -> new Socket("127.0.0.1", server.port()).close())
                        .as("new connections are refused").isInstanceOf(ConnectException.class);
                for (RawClient client : idle) {
                    assertThat(client.isClosedByServer()).as("idle connection closed").isTrue();
                }
                assertThat(answered.get()).as("the idle ones closed before any request in flight was answered").isZero();
                assertThat(closed).isNotDone();

                server.onLoop(() -> gate.resolve(null));
                for (RawClient client : busy) {
                    RawClient.Reply reply = client.read();
                    assertThat(reply.status()).isEqualTo(200);
                    assertThat(reply.body()).isEqualTo("slow");
                    assertThat(reply.header("connection")).isEqualTo("close");
                    assertThat(client.isClosedByServer()).isTrue();
                }
                assertThat(answered.get()).isEqualTo(IN_FLIGHT);
            } finally {
                idle.forEach(RawClient::close);
                busy.forEach(RawClient::close);
            }
            closed(server).get(10, TimeUnit.SECONDS);
            assertThat(server.onLoop(server.server::connections)).isZero();
        }
    }

    private static CompletableFuture<Void> closed(TestServer server) {
        return server.onLoop(() -> server.server.close().toCompletableFuture()); // the same promise again
    }

    @Test
    void requestThatNeverFinishesIsCutAtTheDeadline() throws Exception {
        try (TestServer server = TestServer.start(app()); RawClient stuck = new RawClient(server.port())) {
            gate = server.onLoop(() -> server.loop.promise());
            stuck.send("GET /never HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(neverStarted.await(10, TimeUnit.SECONDS)).isTrue();
            long start = System.nanoTime();
            CompletableFuture<Void> closed = server.onLoop(() -> server.server.close(Duration.ofMillis(300))
                    .toCompletableFuture());
            assertThat(stuck.next(false)).as("cut without a response").isNull();
            closed.get(10, TimeUnit.SECONDS);
            long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertThat(elapsed).isBetween(250L, 5000L);
        }
    }

    @Test
    void closeWithoutConnectionsSettlesAtOnce() throws Exception {
        try (TestServer server = TestServer.start(app())) {
            server.onLoop(() -> server.server.close().toCompletableFuture()).get(5, TimeUnit.SECONDS);
            server.afterPoll();
            assertThatThrownBy(() -> new Socket("127.0.0.1", server.port()).close()).isInstanceOf(IOException.class);
        }
    }
}
