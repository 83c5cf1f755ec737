package dev.spindle.cli.internal;

import dev.spindle.http.App;
import dev.spindle.http.Handler;
import dev.spindle.http.HttpServer;
import dev.spindle.loop.Handle;
import dev.spindle.loop.Loop;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Test support: a Spindle server on an ephemeral port, its loop on a thread of its own: {@code GET /}
 * answers hello, {@code POST /echo} echoes, and every request is noted as {@code METHOD path X-Test body}.
 */
public final class EchoServer implements AutoCloseable {

    public final List<String> seen = new CopyOnWriteArrayList<>();
    private final Loop loop = Loop.create();
    private final Handle keepAlive = loop.keepAlive();
    private final Thread thread = loop.start();
    private final HttpServer server;

    public EchoServer() {
        App app = App.create()
                .get("/", (req, res) -> {
                    seen.add("GET / " + req.header("X-Test").orElse("-"));
                    res.send("Hello, World!");
                })
                .post("/echo", Handler.async((req, res) -> req.body().text().then(text -> {
                    seen.add("POST /echo " + req.header("X-Test").orElse("-") + " " + text);
                    res.send(text);
                })));
        CompletableFuture<HttpServer> listening = new CompletableFuture<>();
        loop.execute(() -> listening.complete(app.listen(loop, 0)));
        server = listening.join();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    @Override
    public void close() throws Exception {
        CompletableFuture<Void> closed = new CompletableFuture<>();
        loop.execute(() -> server.close(Duration.ofMillis(100)).andFinally(() -> {
            keepAlive.close();
            closed.complete(null);
        }));
        closed.get(10, TimeUnit.SECONDS);
        thread.join(10_000);
        loop.close();
    }
}
