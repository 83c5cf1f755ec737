package dev.spindle.bench.http;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.util.function.Function;

/**
 * Vert.x 5's bench server: one event loop ({@code eventLoopPoolSize = 1}) and one verticle whose
 * HTTP server answers the bench routes; {@code /wait} is a {@code vertx.setTimer} on that loop.
 * HTTP/2 cleartext upgrade detection is off, as in Vert.x's TechEmpower entry; JSON is encoded per
 * request with {@link JsonObject}, Vert.x's usual way.
 * {@code java -cp benchmarks.jar dev.spindle.bench.http.VertxBenchServer PORT}.
 */
public final class VertxBenchServer implements BenchServer {

    private static final CharSequence TEXT_PLAIN = HttpHeaders.createOptimized("text/plain; charset=utf-8");
    private static final CharSequence APPLICATION_JSON = HttpHeaders.createOptimized("application/json; charset=utf-8");
    private static final Buffer HELLO = Buffer.buffer(BenchRoutes.HELLO_BYTES);

    private final Vertx vertx;
    private final int port;

    private VertxBenchServer(Vertx vertx, int port) {
        this.vertx = vertx;
        this.port = port;
    }

    public static void main(String[] args) {
        BenchServer.serve("vertx", args, VertxBenchServer::start, System.out);
    }

    /** Starts Vert.x with one event loop and deploys the bench verticle on {@code port}. */
    public static VertxBenchServer start(int port) {
        return start(port, BenchRoutes.BACKLOG, new VertxOptions(), vertx -> request -> handle(vertx, request));
    }

    /**
     * Starts Vert.x with {@code options} but one event loop, and deploys a verticle whose HTTP
     * server listens on {@code port} (accept queue {@code backlog}) and answers with the handler
     * {@code handler} makes for the verticle's Vert.x.
     */
    public static VertxBenchServer start(int port, int backlog, VertxOptions options,
            Function<Vertx, Handler<HttpServerRequest>> handler) {
        Vertx vertx = Vertx.vertx(options.setEventLoopPoolSize(1));
        BenchVerticle verticle = new BenchVerticle(port, backlog, handler);
        try {
            vertx.deployVerticle(verticle).await();
        } catch (RuntimeException e) {
            vertx.close().await();
            throw e;
        }
        return new VertxBenchServer(vertx, verticle.server.actualPort());
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public void close() {
        vertx.close().await();
    }

    private static void handle(Vertx vertx, HttpServerRequest request) {
        switch (request.path()) {
            case BenchRoutes.PLAINTEXT -> send(request, TEXT_PLAIN, HELLO);
            case BenchRoutes.JSON -> send(request, APPLICATION_JSON,
                    new JsonObject().put("message", BenchRoutes.HELLO).toBuffer());
            case BenchRoutes.WAIT -> vertx.setTimer(BenchRoutes.WAIT_MILLIS, id -> send(request, TEXT_PLAIN, HELLO));
            default -> request.response().setStatusCode(404).end();
        }
    }

    private static void send(HttpServerRequest request, CharSequence type, Buffer body) {
        send(request, 200, type, body);
    }

    /** Answers {@code request} with {@code status} and {@code body} of {@code type}, plus the cached {@code Date}. */
    public static void send(HttpServerRequest request, int status, CharSequence type, Buffer body) {
        request.response()
                .setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, type)
                .putHeader(HttpHeaders.DATE, HttpDate.now())
                .end(body);
    }

    private static final class BenchVerticle extends VerticleBase {
        private final int port;
        private final int backlog;
        private final Function<Vertx, Handler<HttpServerRequest>> handler;
        private HttpServer server;

        BenchVerticle(int port, int backlog, Function<Vertx, Handler<HttpServerRequest>> handler) {
            this.port = port;
            this.backlog = backlog;
            this.handler = handler;
        }

        @Override
        public Future<?> start() {
            server = vertx.createHttpServer(new HttpServerOptions()
                    .setHost(BenchRoutes.HOST).setPort(port).setAcceptBacklog(backlog)
                    .setHttp2ClearTextEnabled(false))
                    .requestHandler(handler.apply(vertx));
            return server.listen();
        }
    }
}
