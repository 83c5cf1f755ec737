package dev.spindle.http.internal.server;

import dev.spindle.http.HeaderField;
import dev.spindle.http.HttpMethod;
import dev.spindle.http.HttpVersion;
import dev.spindle.http.Request;
import dev.spindle.http.RequestBody;
import dev.spindle.http.internal.RequestHead;
import dev.spindle.http.internal.routing.QueryString;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A request as handlers see it, made from the parser's {@link RequestHead}. */
final class RequestImpl implements Request {

    private final RequestHead head;
    private final RequestBodyImpl body;
    private final InetSocketAddress remoteAddress;
    private final String path;
    private final String rawQuery;
    private Map<String, List<String>> query;
    private Map<String, String> params = Map.of();
    private String route;
    private List<HeaderField> trailers = List.of();
    private Map<String, Object> attributes;
    private List<Runnable> abortListeners;
    private boolean aborted;

    RequestImpl(RequestHead head, RequestBodyImpl body, InetSocketAddress remoteAddress) {
        this.head = head;
        this.body = body;
        this.remoteAddress = remoteAddress;
        String target = head.target();
        int start = pathStart(target);
        int question = target.indexOf('?', start);
        this.path = question < 0 ? target.substring(start) : target.substring(start, question);
        this.rawQuery = question < 0 ? "" : target.substring(question + 1);
    }

    /** Where the path begins: after {@code scheme://authority} in absolute-form (RFC 9112 section 3.2.2). */
    private static int pathStart(String target) {
        int scheme = target.indexOf("://");
        if (target.startsWith("/") || scheme < 0) {
            return 0;
        }
        int slash = target.indexOf('/', scheme + 3);
        return slash < 0 ? target.length() : slash;
    }

    void route(String label) {
        this.route = label;
    }

    void matched(String label, Map<String, String> params) {
        this.route = label;
        this.params = params;
    }

    void trailers(List<HeaderField> trailers) {
        this.trailers = List.copyOf(trailers);
    }

    /** The trailer fields of a chunked body, once it is complete. */
    List<HeaderField> trailers() {
        return trailers;
    }

    @Override
    public HttpMethod method() {
        return head.method();
    }

    @Override
    public HttpVersion version() {
        return head.version();
    }

    @Override
    public String target() {
        return head.target();
    }

    @Override
    public String path() {
        return path.isEmpty() ? "/" : path;
    }

    @Override
    public String rawQuery() {
        return rawQuery;
    }

    @Override
    public Optional<String> query(String name) {
        List<String> values = queryParams().get(name);
        return values == null ? Optional.empty() : Optional.of(values.getFirst());
    }

    @Override
    public List<String> queryAll(String name) {
        return queryParams().getOrDefault(name, List.of());
    }

    @Override
    public Map<String, List<String>> queryParams() {
        if (query == null) {
            query = QueryString.parse(rawQuery);
        }
        return query;
    }

    @Override
    public String param(String name) {
        String value = params.get(name);
        if (value == null) {
            throw new IllegalArgumentException("route " + route + " has no parameter '" + name + "' in this request");
        }
        return value;
    }

    @Override
    public Map<String, String> params() {
        return params;
    }

    @Override
    public Optional<String> header(String name) {
        return head.header(name);
    }

    @Override
    public List<String> headerValues(String name) {
        List<String> values = new ArrayList<>(2);
        for (HeaderField field : head.headers()) {
            if (field.is(name)) {
                values.add(field.value());
            }
        }
        return values;
    }

    @Override
    public List<HeaderField> headers() {
        return head.headers();
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return remoteAddress;
    }

    @Override
    public String route() {
        return route;
    }

    @Override
    public RequestBody body() {
        return body;
    }

    @Override
    public Request onAbort(Runnable listener) {
        if (abortListeners == null) {
            abortListeners = new ArrayList<>(2);
        }
        abortListeners.add(java.util.Objects.requireNonNull(listener, "listener"));
        return this;
    }

    @Override
    public boolean isAborted() {
        return aborted;
    }

    /** The request died before its response finished: tell the listeners, once. */
    void abort() {
        if (aborted) {
            return;
        }
        aborted = true;
        if (abortListeners != null) {
            for (Runnable listener : abortListeners) {
                listener.run();
            }
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T attribute(String key) {
        return attributes == null ? null : (T) attributes.get(key);
    }

    @Override
    public Request attribute(String key, Object value) {
        if (attributes == null) {
            attributes = new HashMap<>(4);
        }
        attributes.put(key, value);
        return this;
    }

    @Override
    public String toString() {
        return head.method() + " " + head.target();
    }
}
