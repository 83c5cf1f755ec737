package dev.spindle.bench.showdown.servers;

import com.sun.net.httpserver.HttpExchange;
import dev.spindle.bench.http.BenchServer;
import dev.spindle.bench.http.JdkBenchServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The thread-per-request models' side of a request: the JDK's {@code com.sun.net.httpserver}
 * hands each exchange to a thread of the model's executor, which runs the route to the end; its
 * waits are sleeps and its offload is inline, since that thread is all the model has.
 */
final class JdkShowdownExchange implements ShowdownExchange {

    private final HttpExchange exchange;

    private JdkShowdownExchange(HttpExchange exchange) {
        this.exchange = exchange;
    }

    /** Starts a JDK server on {@code port} whose exchanges run the showdown's routes on {@code pool}. */
    static BenchServer start(int port, int backlog, ExecutorService pool) {
        return JdkBenchServer.start(port, backlog, pool, exchange -> {
            try (exchange) {
                ShowdownRouter.serve(exchange.getRequestURI().getPath(), exchange.getRequestURI().getRawQuery(),
                        new JdkShowdownExchange(exchange));
            }
        });
    }

    @Override
    public void send(int status, String contentType, String body) {
        try {
            JdkBenchServer.send(exchange, status, contentType, body.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void after(long millis, Runnable then) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted in a timeline wait", e);
        }
        then.run();
    }

    @Override
    public void offload(Supplier<String> work, Consumer<String> then) {
        then.accept(work.get());
    }
}
