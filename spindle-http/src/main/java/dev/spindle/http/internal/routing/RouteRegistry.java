package dev.spindle.http.internal.routing;

import dev.spindle.http.ErrorHandler;
import dev.spindle.http.Handler;
import dev.spindle.http.HttpMethod;
import dev.spindle.http.Middleware;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What an app or router was told, in order: middleware, routes, error handlers and mounted
 * routers. {@link #compile()} flattens it into a {@link RouteTable} and freezes it, which is how
 * the order becomes fixed at {@code listen()}.
 */
public final class RouteRegistry {

    private sealed interface Entry {}

    private record MiddlewareEntry(String prefix, Middleware middleware) implements Entry {}

    private record ErrorEntry(String prefix, ErrorHandler handler) implements Entry {}

    private record RouteEntry(HttpMethod method, String path, Handler handler) implements Entry {}

    private record MountEntry(String prefix, RouteRegistry registry) implements Entry {}

    private final List<Entry> entries = new ArrayList<>();
    private boolean frozen;

    public void middleware(String prefix, Middleware middleware) {
        add(new MiddlewareEntry(checkPath(prefix), Objects.requireNonNull(middleware, "middleware")));
    }

    public void errorHandler(String prefix, ErrorHandler handler) {
        add(new ErrorEntry(checkPath(prefix), Objects.requireNonNull(handler, "handler")));
    }

    /** A route; a null method means every method. */
    public void route(HttpMethod method, String path, Handler handler) {
        add(new RouteEntry(method, checkPath(path), Objects.requireNonNull(handler, "handler")));
    }

    public void mount(String prefix, RouteRegistry registry) {
        if (registry == this) {
            throw new IllegalArgumentException("a router cannot be mounted in itself");
        }
        add(new MountEntry(checkPath(prefix), Objects.requireNonNull(registry, "router")));
    }

    private void add(Entry entry) {
        if (frozen) {
            throw new IllegalStateException("routes are fixed once the app listens; add them before listen()");
        }
        entries.add(entry);
    }

    private static String checkPath(String path) {
        PathPattern.compile(path); // fails fast on a malformed pattern
        return path;
    }

    /** Flattens mounted routers into one ordered table and freezes this registry. */
    public RouteTable compile() {
        List<Layer> layers = new ArrayList<>();
        flatten("", layers);
        frozen = true;
        return new RouteTable(layers);
    }

    private void flatten(String base, List<Layer> layers) {
        frozen = true;
        for (Entry entry : entries) {
            switch (entry) {
                case MiddlewareEntry m -> layers.add(Layer.middleware(PathPattern.compile(join(base, m.prefix())), m.middleware()));
                case ErrorEntry e -> layers.add(Layer.errorHandler(PathPattern.compile(join(base, e.prefix())), e.handler()));
                case RouteEntry r -> layers.add(Layer.route(r.method(), PathPattern.compile(join(base, r.path())), r.handler()));
                case MountEntry mount -> mount.registry().flatten(join(base, mount.prefix()), layers);
            }
        }
    }

    static String join(String base, String path) {
        if (base.isEmpty() || base.equals("/")) {
            return path;
        }
        return path.equals("/") ? base : base + path;
    }
}
