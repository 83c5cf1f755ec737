package dev.spindle.http;

import dev.spindle.http.internal.routing.RouteRegistry;

/**
 * The routing methods {@link App} and {@link Router} share, Express style: middleware with
 * {@link #use}, handlers per method and path, routers mounted at a prefix, error handlers. Steps
 * run in the order they were added; the order is fixed when the app starts listening.
 */
public abstract sealed class Routes<S extends Routes<S>> permits App, Router {

    final RouteRegistry registry = new RouteRegistry();

    Routes() {}

    abstract S self();

    /** Runs {@code middleware} for every request. */
    public S use(Middleware middleware) {
        return use("/", middleware);
    }

    /** Runs {@code middleware} for requests whose path starts with {@code prefix} (on a segment boundary). */
    public S use(String prefix, Middleware middleware) {
        registry.middleware(prefix, middleware);
        return self();
    }

    /** Mounts {@code router}'s routes under {@code prefix}. */
    public S use(String prefix, Router router) {
        registry.mount(prefix, router.registry);
        return self();
    }

    /** Adds an error handler for every path. */
    public S use(ErrorHandler handler) {
        return use("/", handler);
    }

    /** Adds an error handler for paths under {@code prefix}. */
    public S use(String prefix, ErrorHandler handler) {
        registry.errorHandler(prefix, handler);
        return self();
    }

    /** Routes {@code method} requests for {@code path} to {@code handler}. */
    public S route(HttpMethod method, String path, Handler handler) {
        registry.route(method, path, handler);
        return self();
    }

    /** GET (and HEAD, unless a HEAD route comes first) requests for {@code path}. */
    public S get(String path, Handler handler) {
        return route(HttpMethod.GET, path, handler);
    }

    public S post(String path, Handler handler) {
        return route(HttpMethod.POST, path, handler);
    }

    public S put(String path, Handler handler) {
        return route(HttpMethod.PUT, path, handler);
    }

    public S patch(String path, Handler handler) {
        return route(HttpMethod.PATCH, path, handler);
    }

    public S delete(String path, Handler handler) {
        return route(HttpMethod.DELETE, path, handler);
    }

    public S head(String path, Handler handler) {
        return route(HttpMethod.HEAD, path, handler);
    }

    public S options(String path, Handler handler) {
        return route(HttpMethod.OPTIONS, path, handler);
    }

    /** Every method for {@code path}. */
    public S all(String path, Handler handler) {
        registry.route(null, path, handler);
        return self();
    }
}
