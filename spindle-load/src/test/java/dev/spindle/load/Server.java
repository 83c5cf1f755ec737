package dev.spindle.load;

import dev.spindle.http.App;
import dev.spindle.http.HttpServer;
import dev.spindle.loop.Handle;
import dev.spindle.loop.Loop;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** Test support: a Spindle server on an ephemeral 127.0.0.1 port, its loop on a thread of its own, counting requests. */
final class Server implements AutoCloseable {

    /** How long {@code GET /spin} holds the server's loop. */
    static final long SPIN_NANOS = 300_000_000L;
    /** How long {@code GET /slow} takes to answer, without holding the loop. */
    static final long SLOW_MILLIS = 300;

    final AtomicLong requests = new AtomicLong();
    private final Loop loop = Loop.create();
    private final Handle keepAlive = loop.keepAlive();
    private final Thread thread;
    private final HttpServer server;

    Server() {
        App app = App.create()
                .use((req, res, next) -> {
                    requests.incrementAndGet();
                    next.next();
                })
                .get("/", (req, res) -> res.send("Hello, World!"))
                .get("/hang", (req, res) -> { })
                .get("/slow", (req, res) -> loop.setTimeout(() -> res.send("slow"), SLOW_MILLIS))
                .get("/spin", (req, res) -> { // holds the loop 300 ms, as a CPU-bound handler does
                    long end = System.nanoTime() + SPIN_NANOS;
                    while (System.nanoTime() < end) {
                        Thread.onSpinWait();
                    }
                    res.send("spun");
                });
        CompletableFuture<HttpServer> listening = new CompletableFuture<>();
        thread = loop.start();
        loop.execute(() -> listening.complete(app.listen(loop, 0)));
        server = listening.join();
    }

    int port() {
        return server.port();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    @Override
    public void close() {
        CompletableFuture<Void> closed = new CompletableFuture<>();
        loop.execute(() -> server.close(java.time.Duration.ofMillis(100)).andFinally(() -> {
            keepAlive.close();
            closed.complete(null);
        }));
        try {
            closed.get(10, TimeUnit.SECONDS);
            thread.join(10_000);
        } catch (Exception e) {
            throw new IllegalStateException("the server did not stop", e);
        } finally {
            loop.close();
        }
    }
}
