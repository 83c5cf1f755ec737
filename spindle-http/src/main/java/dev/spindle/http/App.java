package dev.spindle.http;

import dev.spindle.http.internal.server.HttpServerImpl;
import dev.spindle.loop.Loop;

/**
 * An HTTP application in the Express mould: {@link #use} middleware, routes per method and path,
 * routers mounted at a prefix, error handlers, then {@link #listen}. Unmatched paths get 404, a
 * path served only for other methods gets 405 with {@code Allow}, and an error nobody handles gets
 * its {@link HttpException} status or 500 (stack in the log, never in the body).
 *
 * <pre>{@code
 * App app = App.create()
 *     .get("/", (req, res) -> res.send("Hello, World!"))
 *     .get("/users/:id", (req, res) -> res.json(Map.of("id", req.param("id"))));
 * HttpServer server = app.listen(loop, 3000);
 * }</pre>
 */
public final class App extends Routes<App> {

    /** An empty app. */
    public static App create() {
        return new App();
    }

    private App() {}

    @Override
    App self() {
        return this;
    }

    /** Listens on {@code port} of {@link HttpServerOptions#DEFAULT_HOST}; the route order is fixed from here on. */
    public HttpServer listen(Loop loop, int port) {
        return listen(loop, HttpServerOptions.builder().port(port).build());
    }

    /**
     * Listens with {@code options}; the route order is fixed from here on.
     *
     * @throws dev.spindle.net.NetException when the address cannot be bound
     */
    public HttpServer listen(Loop loop, HttpServerOptions options) {
        return HttpServerImpl.listen(loop, options, registry.compile());
    }
}
