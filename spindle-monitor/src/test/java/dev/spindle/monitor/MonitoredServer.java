package dev.spindle.monitor;

import dev.spindle.http.App;
import dev.spindle.http.HttpServer;
import dev.spindle.loop.Handle;
import dev.spindle.loop.Loop;
import dev.spindle.loop.LoopOptions;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Test support: a loop on its own thread, a monitor on it, and an app with the monitor installed
 * first, listening on an ephemeral 127.0.0.1 port.
 */
public final class MonitoredServer implements AutoCloseable {

    public final Loop loop;
    public final LoopMonitor monitor;
    public final HttpServer server;
    private final Thread thread;
    private final Handle keepAlive;

    private MonitoredServer(Loop loop, Thread thread, Handle keepAlive, LoopMonitor monitor, HttpServer server) {
        this.loop = loop;
        this.thread = thread;
        this.keepAlive = keepAlive;
        this.monitor = monitor;
        this.server = server;
    }

    public static MonitoredServer start(MonitorOptions options, Consumer<App> routes) {
        Loop loop = Loop.create(LoopOptions.builder().threadName("monitor-test-loop").build());
        Handle keepAlive = loop.keepAlive();
        Thread thread = loop.start();
        try {
            return loop.submit(() -> {
                LoopMonitor monitor = LoopMonitor.start(loop, options);
                App app = monitor.install(App.create());
                routes.accept(app);
                return new MonitoredServer(loop, thread, keepAlive, monitor, app.listen(loop, 0));
            }).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            loop.execute(keepAlive::close);
            throw new IllegalStateException("the monitored server did not start", e);
        }
    }

    public int port() {
        return server.port();
    }

    /** Runs {@code action} on the loop and waits for its result. */
    public <T> T onLoop(Supplier<T> action) {
        try {
            return loop.submit(action::get).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        loop.execute(() -> {
            monitor.close();
            server.close().andFinally(() -> {
                keepAlive.close();
                done.complete(null);
            });
        });
        try {
            done.get(20, TimeUnit.SECONDS);
            thread.join(10_000);
        } catch (Exception e) {
            throw new IllegalStateException("the monitored server did not stop", e);
        } finally {
            loop.close();
        }
    }
}
