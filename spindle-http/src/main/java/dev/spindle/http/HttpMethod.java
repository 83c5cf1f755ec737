package dev.spindle.http;

import java.util.Optional;

/**
 * The request methods a Spindle server accepts: those of RFC 9110 and PATCH, plus the registered
 * extension methods that Node's {@code http.METHODS} also knows. A request with any other method
 * is answered 501 (RFC 9110 section 9.1).
 */
public enum HttpMethod {
    ACL, BIND, CHECKOUT, CONNECT, COPY, DELETE, GET, HEAD, LINK, LOCK,
    M_SEARCH("M-SEARCH"),
    MERGE, MKACTIVITY, MKCALENDAR, MKCOL, MOVE, NOTIFY, OPTIONS, PATCH, POST, PROPFIND, PROPPATCH,
    PURGE, PUT, QUERY, REBIND, REPORT, SEARCH, SOURCE, SUBSCRIBE, TRACE, UNBIND, UNLINK, UNLOCK,
    UNSUBSCRIBE;

    private static final HttpMethod[] ALL = values();

    private final String token;

    HttpMethod() {
        this.token = name();
    }

    HttpMethod(String token) {
        this.token = token;
    }

    /** The method as sent on the wire, e.g. {@code GET} or {@code M-SEARCH}; methods are case-sensitive. */
    public String token() {
        return token;
    }

    /** The method whose wire form is exactly {@code token}, if Spindle knows it. */
    public static Optional<HttpMethod> of(String token) {
        for (HttpMethod method : ALL) {
            if (method.token.equals(token)) {
                return Optional.of(method);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return token;
    }
}
