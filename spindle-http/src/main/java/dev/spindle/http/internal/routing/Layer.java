package dev.spindle.http.internal.routing;

import dev.spindle.http.ErrorHandler;
import dev.spindle.http.Handler;
import dev.spindle.http.HttpMethod;
import dev.spindle.http.Middleware;
import java.util.Map;

/**
 * One step of the flattened pipeline: a middleware (prefix match), a route (whole-path match for
 * one method or all), or an error handler (prefix match).
 */
public final class Layer {

    enum Kind { MIDDLEWARE, ROUTE, ERROR }

    private final Kind kind;
    private final HttpMethod method;
    private final PathPattern pattern;
    private final Object step;
    private final String label;

    private Layer(Kind kind, HttpMethod method, PathPattern pattern, Object step) {
        this.kind = kind;
        this.method = method;
        this.pattern = pattern;
        this.step = step;
        this.label = (method == null ? "ALL" : method.token()) + " " + pattern.source();
    }

    static Layer middleware(PathPattern prefix, Middleware middleware) {
        return new Layer(Kind.MIDDLEWARE, null, prefix, middleware);
    }

    static Layer errorHandler(PathPattern prefix, ErrorHandler handler) {
        return new Layer(Kind.ERROR, null, prefix, handler);
    }

    static Layer route(HttpMethod method, PathPattern path, Handler handler) {
        return new Layer(Kind.ROUTE, method, path, handler);
    }

    boolean isRoute() {
        return kind == Kind.ROUTE;
    }

    boolean isErrorHandler() {
        return kind == Kind.ERROR;
    }

    /** The route's label, e.g. {@code GET /users/:id}. */
    public String label() {
        return label;
    }

    HttpMethod method() {
        return method;
    }

    /** Whether a route layer serves {@code requestMethod}; GET routes serve HEAD too. */
    boolean serves(HttpMethod requestMethod) {
        return method == null || method == requestMethod || (method == HttpMethod.GET && requestMethod == HttpMethod.HEAD);
    }

    /** The path parameters if this layer applies to the request, else null. */
    Map<String, String> match(HttpMethod requestMethod, String path) {
        return switch (kind) {
            case ROUTE -> serves(requestMethod) ? pattern.match(path) : null;
            case MIDDLEWARE, ERROR -> pattern.matchPrefix(path);
        };
    }

    /** Whether the route's path matches, whatever the method (for 405 and OPTIONS). */
    boolean matchesPath(String path) {
        return pattern.match(path) != null;
    }

    Object step() {
        return step;
    }

    @Override
    public String toString() {
        return kind + " " + label;
    }
}
