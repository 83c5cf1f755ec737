package dev.spindle.cli.internal.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.http.HttpServer;
import dev.spindle.loop.Handle;
import dev.spindle.loop.Loop;
import dev.spindle.workers.WorkerPoolOptions;
import dev.spindle.workers.Workers;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A client that disconnects while its {@code /compute/worker} task waits in the queue cancels the task. */
class DemoWorkerCancellationTest {

    private Loop loop;
    private Handle keepAlive;
    private Workers workers;
    private HttpServer server;
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void start() throws Exception {
        loop = Loop.create();
        keepAlive = loop.keepAlive();
        workers = Workers.create(loop, WorkerPoolOptions.builder().name("cancel-test").minThreads(1).maxThreads(1).maxQueue(1).build());
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

    private static void awaitTrue(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            LockSupport.parkNanos(1_000_000);
        }
    }

    @Test
    void aClientThatHangsUpCancelsItsQueuedTask() throws Exception {
        CountDownLatch occupied = new CountDownLatch(1);
        loop.execute(() -> workers.run(() -> { // the pool's only thread, held until the test ends
            occupied.countDown();
            return release.await(30, TimeUnit.SECONDS);
        }));
        assertThat(occupied.await(10, TimeUnit.SECONDS)).isTrue();

        try (Socket client = new Socket("127.0.0.1", server.port())) {
            OutputStream out = client.getOutputStream();
            out.write("GET /compute/worker HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            awaitTrue(() -> workers.stats().queueDepth() == 1, "the sum is queued behind the busy thread");
        }
        awaitTrue(() -> workers.stats().cancelled() == 1, "the hang-up cancelled the queued sum");
        assertThat(workers.stats().queueDepth()).isZero();
        assertThat(workers.stats().active()).as("the other task still runs").isEqualTo(1);
    }
}
