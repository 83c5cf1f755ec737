package dev.spindle.http;

import java.util.Objects;

/**
 * Why an {@link HttpClient} request got no response: the connection failed or timed out, the
 * server closed it or sent something that is not HTTP. {@link #kind()} says which, for code that
 * branches on it (a load generator counts them apart); {@link #code()} names it as Node does
 * ({@code ECONNREFUSED}, {@code ECONNRESET}, {@code ETIMEDOUT}, ...). {@link #status()} is what a
 * gateway would answer in its place: 504 for a timeout, 502 for the rest.
 *
 * <p>These are expected outcomes under load, thousands a second against a server that refuses, so
 * they carry no stack trace; the socket's error, if any, is the cause.
 */
public class HttpClientException extends HttpException {

    /** What went wrong. */
    public enum Kind {
        /** The TCP connection could not be opened (refused, unreachable, name not found). */
        CONNECT_FAILED(502),
        /** The TCP connection was not open within {@link HttpClientOptions#connectTimeout()}. */
        CONNECT_TIMEOUT(504),
        /** No byte of the response arrived within {@link HttpClientOptions#readTimeout()}. */
        READ_TIMEOUT(504),
        /** The server closed or reset the connection before the response was complete. */
        CONNECTION_CLOSED(502),
        /** The server's bytes are not a valid HTTP/1.1 response. */
        MALFORMED_RESPONSE(502),
        /** The response body is larger than {@link HttpClientOptions#maxResponseBodyBytes()}. */
        RESPONSE_TOO_LARGE(502),
        /** The client closed the connection (or itself) while the request waited. */
        CLIENT_CLOSED(502);

        private final int status;

        Kind(int status) {
            this.status = status;
        }

        /** The status a gateway answers for this failure. */
        public int status() {
            return status;
        }
    }

    private final Kind kind;
    private final String code;

    /**
     * A failure of {@code kind}; {@code code} is the Node-style code ({@code ECONNREFUSED}, ...),
     * {@code cause} the socket's error or null.
     */
    public HttpClientException(Kind kind, String code, String message, Throwable cause) {
        super(Objects.requireNonNull(kind, "kind").status(), message, cause, false);
        this.kind = kind;
        this.code = Objects.requireNonNull(code, "code");
    }

    /** What went wrong. */
    public Kind kind() {
        return kind;
    }

    /** The Node-style code: the socket's ({@code ECONNREFUSED}, {@code ECONNRESET}, ...) or {@code ETIMEDOUT}, {@code HPE_INVALID_RESPONSE}, {@code ERR_CLIENT_CLOSED}. */
    public String code() {
        return code;
    }
}
