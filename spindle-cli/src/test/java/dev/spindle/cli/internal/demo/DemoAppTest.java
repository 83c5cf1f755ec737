package dev.spindle.cli.internal.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.http.HttpServer;
import dev.spindle.loop.Handle;
import dev.spindle.loop.Loop;
import dev.spindle.cli.SimpleHttp;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The demo's routes over a real socket. */
class DemoAppTest {

    private static Loop loop;
    private static Handle keepAlive;
    private static HttpServer server;

    @BeforeAll
    static void start() throws Exception {
        loop = Loop.create();
        keepAlive = loop.keepAlive();
        loop.start();
        CompletableFuture<HttpServer> listening = new CompletableFuture<>();
        loop.execute(() -> listening.complete(DemoApp.create(loop).listen(loop, 0)));
        server = listening.get(10, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() throws Exception {
        CompletableFuture<Void> closed = new CompletableFuture<>();
        loop.execute(() -> server.close().andFinally(() -> {
            keepAlive.close();
            closed.complete(null);
        }));
        closed.get(10, TimeUnit.SECONDS);
    }

    private static SimpleHttp get(String path, String authorization) throws Exception {
        return authorization == null
                ? SimpleHttp.get(server.port(), path)
                : SimpleHttp.get(server.port(), path, "Authorization: " + authorization);
    }

    @Test
    void helloWorld() throws Exception {
        SimpleHttp response = get("/", null);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("Hello, World!");
        assertThat(response.header("content-type")).isEqualTo("text/plain; charset=utf-8");
    }

    @Test
    void computeAnswersTheSeedsSum() throws Exception {
        assertThat(get("/compute", null).body()).isEqualTo("Result: 499999999500000000");
    }

    @Test
    void computeOnTheWorkersAnswersTheSameSum() throws Exception {
        assertThat(get("/compute/worker", null).body()).isEqualTo("Result: 499999999500000000");
    }

    @Test
    void theInterruptibleSumIsTheSameSum() throws Exception {
        assertThat(DemoApp.sumBelowInterruptibly(1_000)).isEqualTo(DemoApp.sumBelow(1_000));
        assertThat(DemoApp.sumBelowInterruptibly((1L << 24) + 5)).isEqualTo(DemoApp.sumBelow((1L << 24) + 5));
    }

    @Test
    void theUserRouteWantsTheDemoToken() throws Exception {
        SimpleHttp none = get("/api/users/7", null);
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.header("www-authenticate")).isEqualTo("Bearer");
        assertThat(get("/api/users/7", "Bearer other").status()).isEqualTo(401);

        SimpleHttp user = get("/api/users/7", "Bearer demo");
        assertThat(user.status()).isEqualTo(200);
        assertThat(user.header("content-type")).isEqualTo("application/json; charset=utf-8");
        assertThat(user.body()).isEqualTo("{\"id\":\"7\",\"name\":\"User 7\",\"email\":\"user7@example.com\"}");
    }

    @Test
    void sumBelowIsTheClosedForm() {
        assertThat(DemoApp.sumBelow(1_000)).isEqualTo(999L * 1000 / 2);
    }
}
