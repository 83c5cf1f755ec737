package dev.spindle.http.internal.routing;

import dev.spindle.http.HttpMethod;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The app's steps flattened in order, fixed at {@code listen()}; shared by every request. */
public final class RouteTable {

    private final Layer[] layers;

    RouteTable(List<Layer> layers) {
        this.layers = layers.toArray(Layer[]::new);
    }

    Layer[] layers() {
        return layers;
    }

    /** The label of the first route serving this request, e.g. {@code GET /users/:id}, or {@code GET (unmatched)}. */
    public String labelFor(HttpMethod method, String path) {
        for (Layer layer : layers) {
            if (layer.isRoute() && layer.serves(method) && matchesQuietly(layer, path)) {
                return layer.label();
            }
        }
        return method.token() + " (unmatched)";
    }

    /** The methods some route serves for {@code path}: the {@code Allow} header of a 405. */
    Set<HttpMethod> allowedMethods(String path) {
        Set<HttpMethod> allowed = EnumSet.noneOf(HttpMethod.class);
        for (Layer layer : layers) {
            if (layer.isRoute() && matchesQuietly(layer, path)) {
                if (layer.method() == null) {
                    return EnumSet.allOf(HttpMethod.class);
                }
                allowed.add(layer.method());
                if (layer.method() == HttpMethod.GET) {
                    allowed.add(HttpMethod.HEAD);
                }
            }
        }
        return allowed;
    }

    private static boolean matchesQuietly(Layer layer, String path) {
        try {
            return layer.matchesPath(path);
        } catch (RuntimeException malformed) {
            return false;
        }
    }
}
