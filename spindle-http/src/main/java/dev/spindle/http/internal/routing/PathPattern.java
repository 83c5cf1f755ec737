package dev.spindle.http.internal.routing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A compiled route path in Express's syntax: literal segments, {@code :name} parameters (one
 * segment, {@code :name?} optional), and a trailing {@code *} or {@code *name} wildcard that takes
 * the rest of the path. Matching is case-sensitive and ignores one trailing slash. Parameter values
 * are percent-decoded; a malformed escape is a 400.
 */
public final class PathPattern {

    private static final String WILDCARD = "*";

    private final String source;
    private final String[] segments;
    private final String[] paramNames;
    private final boolean[] optional;
    private final String wildcardName;
    private final boolean literal;
    /** A literal pattern's path without its trailing slash: what a request path must equal. */
    private final String literalPath;

    private PathPattern(String source, List<String> segments, List<String> paramNames, List<Boolean> optional,
            String wildcardName) {
        this.source = source;
        this.segments = segments.toArray(String[]::new);
        this.paramNames = paramNames.toArray(String[]::new);
        this.optional = new boolean[optional.size()];
        for (int i = 0; i < this.optional.length; i++) {
            this.optional[i] = optional.get(i);
        }
        this.wildcardName = wildcardName;
        this.literal = wildcardName == null && paramNamesAllNull();
        this.literalPath = trimSlash(source);
    }

    /** Compiles {@code path}, which must start with '/'. */
    public static PathPattern compile(String path) {
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("a route path starts with '/': " + path);
        }
        List<String> segments = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<Boolean> optional = new ArrayList<>();
        String wildcard = null;
        String[] parts = trimSlash(path).substring(1).split("/", -1);
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (part.isEmpty() && parts.length == 1) {
                break; // the root path "/"
            }
            if (part.startsWith("*")) {
                if (i != parts.length - 1) {
                    throw new IllegalArgumentException("a wildcard must be the last segment: " + path);
                }
                wildcard = part.length() == 1 ? WILDCARD : part.substring(1);
            } else if (part.startsWith(":")) {
                boolean isOptional = part.endsWith("?");
                String name = part.substring(1, isOptional ? part.length() - 1 : part.length());
                if (name.isEmpty()) {
                    throw new IllegalArgumentException("a parameter needs a name: " + path);
                }
                segments.add(null);
                names.add(name);
                optional.add(isOptional);
            } else {
                segments.add(part);
                names.add(null);
                optional.add(false);
            }
        }
        return new PathPattern(path, segments, names, optional, wildcard);
    }

    /** The path as written. */
    public String source() {
        return source;
    }

    /**
     * Matches a whole request path (no query), returning the decoded parameters, or null when the
     * path does not match.
     */
    public Map<String, String> match(String path) {
        return match(path, false);
    }

    /**
     * Matches the start of {@code path} on a segment boundary, as middleware mounted at a prefix
     * does; returns the parameters (empty map for none) or null.
     */
    public Map<String, String> matchPrefix(String path) {
        return match(path, true);
    }

    private Map<String, String> match(String path, boolean prefix) {
        // Every request is tried against the routes before its own: the two common cases compare
        // lengths and characters, and allocate nothing.
        if (literal && !prefix) {
            int length = path.length() > 1 && path.endsWith("/") ? path.length() - 1 : path.length();
            return length == literalPath.length() && path.startsWith(literalPath) ? Map.of() : null;
        }
        if (prefix && segments.length == 0 && wildcardName == null) {
            return Map.of(); // mounted at "/": every path
        }
        String trimmed = trimSlash(path);
        String[] parts = trimmed.equals("/") ? new String[0] : trimmed.substring(1).split("/", -1);
        Map<String, String> params = null;
        int i = 0;
        for (; i < segments.length; i++) {
            if (i >= parts.length) {
                return remainingOptional(i) ? finish(params) : null;
            }
            if (segments[i] != null) {
                if (!segments[i].equals(parts[i])) {
                    return null;
                }
            } else if (parts[i].isEmpty()) {
                return null; // an empty segment never fills a parameter
            } else {
                params = put(params, paramNames[i], PercentDecoder.decode(parts[i], 0, parts[i].length()));
            }
        }
        if (wildcardName != null) {
            String rest = String.join("/", java.util.Arrays.copyOfRange(parts, i, parts.length));
            return finish(put(params, wildcardName, PercentDecoder.decode(rest, 0, rest.length())));
        }
        return i == parts.length || prefix ? finish(params) : null;
    }

    private boolean remainingOptional(int from) {
        for (int i = from; i < segments.length; i++) {
            if (paramNames[i] == null || !optional[i]) {
                return false;
            }
        }
        return true;
    }

    private boolean paramNamesAllNull() {
        for (String name : paramNames) {
            if (name != null) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, String> put(Map<String, String> params, String name, String value) {
        Map<String, String> result = params == null ? new LinkedHashMap<>(4) : params;
        result.put(name, value);
        return result;
    }

    private static Map<String, String> finish(Map<String, String> params) {
        return params == null ? Map.of() : Collections.unmodifiableMap(params);
    }

    private static String trimSlash(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    @Override
    public String toString() {
        return source;
    }
}
