package dev.spindle.http;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.spindle.http.internal.client.RequestEncoder;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One request for an {@link HttpClient}: method, where it goes, headers and body. Immutable, and
 * encoded for the wire once, when built, so the same request can be sent any number of times at
 * no further cost (a load generator sends one request millions of times). Any thread may build one.
 *
 * <p>The client writes the {@code Host} field (from the URL, unless a header sets it) and
 * {@code Content-Length} (when there is a body, or the method is POST, PUT or PATCH); framing is
 * the client's job, so a {@code Content-Length} or {@code Transfer-Encoding} header is refused.
 * Only {@code http:} URLs are supported.
 */
public final class HttpClientRequest {

    private final HttpMethod method;
    private final String host;
    private final int port;
    private final String target;
    private final List<HeaderField> headers;
    private final byte[] body;
    private final boolean collectBody;
    private final boolean collectHeaders;
    private final byte[] encoded;

    private HttpClientRequest(Builder builder) {
        this.method = builder.method;
        this.host = builder.host;
        this.port = builder.port;
        this.target = builder.target;
        this.headers = List.copyOf(builder.headers);
        this.body = builder.body;
        this.collectBody = builder.collectBody;
        this.collectHeaders = builder.collectHeaders;
        this.encoded = RequestEncoder.encode(method, target, RequestEncoder.hostField(host, port), headers, body);
    }

    /** A GET of {@code url}, e.g. {@code http://127.0.0.1:3000/users/7}. */
    public static HttpClientRequest get(String url) {
        return builder(HttpMethod.GET, url).build();
    }

    /** A request of {@code method} to {@code url} with these headers and body (empty for none). */
    public static HttpClientRequest of(HttpMethod method, String url, List<HeaderField> headers, byte[] body) {
        return builder(method, url).headers(headers).body(body).build();
    }

    /**
     * A builder for {@code method} to {@code url}: {@code http://host[:port][/path][?query]}.
     *
     * @throws IllegalArgumentException when the URL is not an absolute {@code http:} URL with a host
     */
    public static Builder builder(HttpMethod method, String url) {
        URI uri;
        try {
            uri = new URI(Objects.requireNonNull(url, "url"));
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("not a URL: " + url + " (" + e.getReason() + ")", e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http")) {
            throw new IllegalArgumentException(scheme.isEmpty()
                    ? "not an absolute URL: " + url + " (give http://host:port/path)"
                    : scheme + ": URLs are not supported, only http: (" + url + ")");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("URL without a host: " + url);
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String target = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return builder(method, host, uri.getPort() < 0 ? 80 : uri.getPort(), target);
    }

    /** A builder for {@code method} to {@code target} (origin-form, e.g. {@code /a?b=c}) on {@code host:port}. */
    public static Builder builder(HttpMethod method, String host, int port, String target) {
        return new Builder(method, host, port, target);
    }

    public HttpMethod method() {
        return method;
    }

    /** The host to connect to: a name or an IP literal (without brackets). */
    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    /** The request-target as sent, e.g. {@code /users/7?full=true}. */
    public String target() {
        return target;
    }

    /** The headers given, in order (without the Host and Content-Length the client adds). */
    public List<HeaderField> headers() {
        return headers;
    }

    /** The body, a copy; empty for none. */
    public byte[] body() {
        return body.clone();
    }

    /**
     * Whether the response's body is kept ({@link HttpClientResponse#body()}) or read and dropped;
     * dropping it spares a copy per response when only the status matters.
     */
    public boolean collectBody() {
        return collectBody;
    }

    /**
     * Whether the response's header fields are kept ({@link HttpClientResponse#headers()}) or only
     * checked; not keeping them spares a string per field when only the status matters. The fields
     * that frame the body are read either way.
     */
    public boolean collectHeaders() {
        return collectHeaders;
    }

    /** {@code host:port}, the origin whose connections carry this request. */
    public String origin() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    /** The request exactly as it goes on the wire: request line, header section, body. A read-only view. */
    public ByteBuffer encoded() {
        return ByteBuffer.wrap(encoded).asReadOnlyBuffer();
    }

    /** Bytes on the wire. */
    public int encodedLength() {
        return encoded.length;
    }

    /**
     * Copies the encoded request into {@code target} at its position, advancing it: what a
     * connection does on every send, without the view {@link #encoded()} allocates.
     *
     * @throws java.nio.BufferOverflowException when {@code target} has less room than {@link #encodedLength()}
     */
    public void writeTo(ByteBuffer target) {
        target.put(encoded);
    }

    @Override
    public String toString() {
        return method + " http://" + origin() + target;
    }

    /** Builds an {@link HttpClientRequest}; see the class comment for the headers the client adds. */
    public static final class Builder {
        private final HttpMethod method;
        private final String host;
        private final int port;
        private final String target;
        private final List<HeaderField> headers = new ArrayList<>();
        private byte[] body = new byte[0];
        private boolean collectBody = true;
        private boolean collectHeaders = true;

        private Builder(HttpMethod method, String host, int port, String target) {
            this.method = Objects.requireNonNull(method, "method");
            this.host = Objects.requireNonNull(host, "host");
            this.target = Objects.requireNonNull(target, "target");
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port must be 1..65535, was " + port);
            }
            this.port = port;
        }

        /** Adds a header field; checked when built. */
        public Builder header(String name, String value) {
            headers.add(new HeaderField(name, value));
            return this;
        }

        /** Adds header fields; checked when built. */
        public Builder headers(List<HeaderField> fields) {
            headers.addAll(fields);
            return this;
        }

        /** The body (copied). */
        public Builder body(byte[] body) {
            this.body = body.clone();
            return this;
        }

        /** The body as UTF-8. */
        public Builder body(String text) {
            this.body = text.getBytes(UTF_8);
            return this;
        }

        /** Whether to keep the response body (default) or read and drop it; see {@link HttpClientRequest#collectBody()}. */
        public Builder collectBody(boolean collect) {
            this.collectBody = collect;
            return this;
        }

        /** Whether to keep the response's header fields (default) or only check them; see {@link HttpClientRequest#collectHeaders()}. */
        public Builder collectHeaders(boolean collect) {
            this.collectHeaders = collect;
            return this;
        }

        /**
         * The request, encoded.
         *
         * @throws IllegalArgumentException for a header that is not a token name with a value free
         *     of CR, LF and NUL, for Content-Length or Transfer-Encoding, or for a target that is
         *     not origin-form
         */
        public HttpClientRequest build() {
            return new HttpClientRequest(this);
        }
    }
}
