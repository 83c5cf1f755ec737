package dev.spindle.cli.internal.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.cli.SimpleHttp;
import dev.spindle.http.HttpServer;
import dev.spindle.loop.Handle;
import dev.spindle.loop.Loop;
import dev.spindle.workers.WorkerPoolOptions;
import dev.spindle.workers.Workers;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code /compute/worker} on a pool of one thread and no queue: a busy pool answers 503 at once. */
class DemoWorkerRouteTest {

    private Loop loop;
    private Handle keepAlive;
    private Workers workers;
    private HttpServer server;
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void start() throws Exception {
        loop = Loop.create();
        keepAlive = loop.keepAlive();
        workers = Workers.create(loop, WorkerPoolOptions.builder().name("demo-test").minThreads(1).maxThreads(1).maxQueue(0).build());
        loop.start();
        CompletableFuture<HttpServer> listening = new CompletableFuture<>();
        loop.execute(() -> listening.complete(DemoApp.create(loop, workers).listen(loop, 0)));
        server = listening.get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        release.countDown();
        CompletableFuture<Void> closed = new CompletableFuture<>();
        loop.execute(() -> server.close().andFinally(() -> {
            keepAlive.close();
            closed.complete(null);
        }));
        closed.get(10, TimeUnit.SECONDS);
        workers.close();
    }

    @Test
    void aBusyPoolAnswers503WithRetryAfter() throws Exception {
        CountDownLatch occupied = new CountDownLatch(1);
        loop.execute(() -> workers.run(() -> { // the pool's only thread, held until the test ends
            occupied.countDown();
            return release.await(30, TimeUnit.SECONDS);
        }));
        assertThat(occupied.await(10, TimeUnit.SECONDS)).isTrue();

        SimpleHttp busy = SimpleHttp.get(server.port(), "/compute/worker");
        assertThat(busy.status()).isEqualTo(503);
        assertThat(busy.header("retry-after")).isEqualTo("1");
        assertThat(SimpleHttp.get(server.port(), "/").body()).as("the loop still answers").isEqualTo("Hello, World!");

        release.countDown();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (workers.stats().active() > 0 && System.nanoTime() < deadline) { // the thread is free again
            LockSupport.parkNanos(1_000_000);
        }
        SimpleHttp computed = SimpleHttp.get(server.port(), "/compute/worker");
        assertThat(computed.status()).isEqualTo(200);
        assertThat(computed.body()).isEqualTo("Result: 499999999500000000");
        assertThat(workers.stats().rejected()).isEqualTo(1);
    }
}
