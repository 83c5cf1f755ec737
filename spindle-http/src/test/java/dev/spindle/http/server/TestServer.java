package dev.spindle.http.server;

import dev.spindle.http.App;
import dev.spindle.http.HttpServer;
import dev.spindle.http.HttpServerOptions;
import dev.spindle.loop.Handle;
import dev.spindle.loop.Loop;
import dev.spindle.loop.LoopOptions;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/** Test support: an app listening on an ephemeral 127.0.0.1 port, its loop on a thread of its own. */
public final class TestServer implements AutoCloseable {

    public final Loop loop;
    public final HttpServer server;
    private final Thread thread;
    private final Handle keepAlive;

    private TestServer(Loop loop, Thread thread, Handle keepAlive, HttpServer server) {
        this.loop = loop;
        this.thread = thread;
        this.keepAlive = keepAlive;
        this.server = server;
    }

    public static TestServer start(App app) {
        return start(app, HttpServerOptions.DEFAULTS);
    }

    public static TestServer start(App app, HttpServerOptions options) {
        return start(loop -> app.listen(loop, options));
    }

    public static TestServer start(Function<Loop, HttpServer> listen) {
        Loop loop = Loop.create(LoopOptions.builder().threadName("http-test-loop").build());
        Handle keepAlive = loop.keepAlive();
        Thread thread = loop.start();
        try {
            return new TestServer(loop, thread, keepAlive, loop.submit(() -> listen.apply(loop)).get(10, TimeUnit.SECONDS));
        } catch (Exception e) {
            loop.execute(keepAlive::close);
            throw new IllegalStateException("the test server did not start", e);
        }
    }

    public int port() {
        return server.port();
    }

    /** Runs {@code action} on the loop and waits for its result. */
    public <T> T onLoop(java.util.function.Supplier<T> action) {
        try {
            return loop.submit(action::get).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Returns once the loop has passed a poll phase: an immediate set now runs in the check phase,
     * right after the next poll. A closed channel that was registered keeps its descriptor (and a
     * listening socket keeps accepting into its backlog) until the selector's next select.
     */
    public void afterPoll() {
        CompletableFuture<Void> checked = new CompletableFuture<>();
        onLoop(() -> loop.setImmediate(() -> checked.complete(null)));
        try {
            checked.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Waits until {@code condition}, checked on the loop every few milliseconds, holds.
     *
     * @throws AssertionError when it does not within {@code timeout}
     */
    public void awaitOnLoop(String what, java.util.function.BooleanSupplier condition, java.time.Duration timeout) {
        CompletableFuture<Void> held = new CompletableFuture<>();
        dev.spindle.loop.Timer check = onLoop(() -> loop.setInterval(() -> {
            if (condition.getAsBoolean()) {
                held.complete(null);
            }
        }, 5));
        try {
            held.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("not within " + timeout + ": " + what);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            loop.execute(check::close);
        }
    }

    @Override
    public void close() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        loop.execute(() -> server.close().andFinally(() -> {
            keepAlive.close();
            done.complete(null);
        }));
        try {
            done.get(20, TimeUnit.SECONDS);
            thread.join(10_000);
        } catch (Exception e) {
            throw new IllegalStateException("the test server did not stop", e);
        } finally {
            loop.close();
        }
    }
}
