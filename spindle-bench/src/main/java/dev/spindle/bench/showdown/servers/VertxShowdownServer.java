package dev.spindle.bench.showdown.servers;

import dev.spindle.bench.http.BenchServer;
import dev.spindle.bench.http.VertxBenchServer;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The showdown's {@code vertx} model: Vert.x 5 with one event loop ({@link VertxBenchServer}),
 * {@code vertx.setTimer} for the timeline's waits and {@code executeBlocking} on a worker pool of
 * {@link ShowdownRoutes#offloadThreads()} threads for {@code /compute/worker}.
 * {@code java -cp benchmarks.jar dev.spindle.bench.showdown.servers.VertxShowdownServer PORT [--backlog N]}.
 */
public final class VertxShowdownServer {

    private VertxShowdownServer() {}

    public static void main(String[] args) {
        ShowdownArgs parsed = ShowdownArgs.parse(args);
        BenchServer.serve("vertx", parsed.port(), port -> start(port, parsed.backlog()), System.out);
    }

    /** Starts the model on {@code port} with {@code backlog}. */
    public static BenchServer start(int port, int backlog) {
        return VertxBenchServer.start(port, backlog, new VertxOptions().setWorkerPoolSize(ShowdownRoutes.offloadThreads()),
                vertx -> request -> ShowdownRouter.serve(request.path(), request.query(), new Exchange(vertx, request)));
    }

    private record Exchange(Vertx vertx, HttpServerRequest request) implements ShowdownExchange {

        @Override
        public void send(int status, String contentType, String body) {
            VertxBenchServer.send(request, status, contentType, Buffer.buffer(body));
        }

        @Override
        public void after(long millis, Runnable then) {
            vertx.setTimer(millis, id -> then.run());
        }

        @Override
        public void offload(Supplier<String> work, Consumer<String> then) {
            vertx.executeBlocking(work::get, false).onSuccess(then::accept);
        }
    }
}
