package dev.spindle.cli.internal.demo;

import dev.spindle.http.HttpServer;
import dev.spindle.loop.Handle;
import dev.spindle.loop.Loop;
import dev.spindle.monitor.LoopMonitor;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Test support: the demo server as {@code spindle demo} runs it, monitor included, on a loop thread of its own. */
public final class MonitoredDemo implements AutoCloseable {

    public final Loop loop = Loop.create();
    public final LoopMonitor monitor;
    public final HttpServer server;
    private final Handle keepAlive = loop.keepAlive();
    private final Thread thread = loop.start();

    public MonitoredDemo() throws Exception {
        monitor = loop.submit(() -> LoopMonitor.start(loop, DemoServer.monitorOptions(false))).get(10, TimeUnit.SECONDS);
        server = loop.submit(() -> DemoApp.create(loop, monitor).listen(loop, 0)).get(10, TimeUnit.SECONDS);
    }

    public int port() {
        return server.port();
    }

    /** Waits (up to 10 s) until the watchdog has counted a block of {@code label}. */
    public void awaitBlocked(String label) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (monitor.blocked().stream().noneMatch(b -> b.label().equals(label)) && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
    }

    @Override
    public void close() throws Exception {
        CompletableFuture<Void> closed = new CompletableFuture<>();
        loop.execute(() -> {
            monitor.close();
            server.close().andFinally(() -> {
                keepAlive.close();
                closed.complete(null);
            });
        });
        closed.get(20, TimeUnit.SECONDS);
        thread.join(10_000);
        loop.close();
    }
}
