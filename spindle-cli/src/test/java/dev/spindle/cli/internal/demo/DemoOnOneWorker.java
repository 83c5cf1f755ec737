package dev.spindle.cli.internal.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.http.HttpServer;
import dev.spindle.loop.Handle;
import dev.spindle.loop.Loop;
import dev.spindle.workers.WorkerPoolOptions;
import dev.spindle.workers.Workers;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * The demo app on a started loop with a worker pool of one thread and a queue of {@code maxQueue},
 * whose one thread a test can occupy until {@link #releaseWorker()} or {@link #close()}.
 */
final class DemoOnOneWorker implements AutoCloseable {

    final Loop loop;
    final Workers workers;
    final HttpServer server;
    private final Handle keepAlive;
    private final CountDownLatch release = new CountDownLatch(1);

    DemoOnOneWorker(String name, int maxQueue) throws Exception {
        loop = Loop.create();
        keepAlive = loop.keepAlive();
        workers = Workers.create(loop, WorkerPoolOptions.builder().name(name).minThreads(1).maxThreads(1).maxQueue(maxQueue).build());
        loop.start();
        CompletableFuture<HttpServer> listening = new CompletableFuture<>();
        loop.execute(() -> listening.complete(DemoApp.create(loop, workers).listen(loop, 0)));
        server = listening.get(10, TimeUnit.SECONDS);
    }

    /** Holds the pool's only thread with a task that waits for {@link #releaseWorker()}; returns once it runs. */
    void occupyWorker() throws InterruptedException {
        CountDownLatch occupied = new CountDownLatch(1);
        loop.execute(() -> workers.run(() -> {
            occupied.countDown();
            return release.await(30, TimeUnit.SECONDS);
        }));
        assertThat(occupied.await(10, TimeUnit.SECONDS)).isTrue();
    }

    /** Lets the task of {@link #occupyWorker()} end. */
    void releaseWorker() {
        release.countDown();
    }

    /** Waits up to 10 s for {@code condition}, failing with {@code what} past that. */
    static void awaitTrue(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            LockSupport.parkNanos(1_000_000);
        }
    }

    @Override
    public void close() throws Exception {
        release.countDown();
        CompletableFuture<Void> closed = new CompletableFuture<>();
        loop.execute(() -> server.close().andFinally(() -> {
            keepAlive.close();
            closed.complete(null);
        }));
        closed.get(10, TimeUnit.SECONDS);
        workers.close();
    }
}
