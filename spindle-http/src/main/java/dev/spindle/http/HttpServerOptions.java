package dev.spindle.http;

import java.time.Duration;
import java.util.Objects;

/**
 * Immutable settings of an {@link HttpServer}; the defaults and timeouts are Node's. Build with
 * {@link #builder()}.
 *
 * @param host address to listen on; {@value #DEFAULT_HOST} by default
 * @param port port to listen on; 0 picks a free one
 * @param backlog pending-connection queue length given to {@code listen(2)}
 * @param reusePort set {@code SO_REUSEPORT}, so several loops can share the port
 * @param maxConnections open connections beyond which new ones are closed at once
 * @param parser request-parsing limits (header block, request target)
 * @param headersTimeout time a client has to send a complete header section (slowloris defence)
 * @param requestTimeout time a client has to send a complete request, body included
 * @param keepAliveTimeout idle time after a response before a keep-alive connection is closed
 * @param maxBodyBytes default limit of {@link RequestBody#bytes()}, {@code text()} and {@code json()}
 * @param shutdownTimeout how long {@link HttpServer#close()} lets in-flight requests finish
 * @param timeoutCheckInterval how often connections are checked against their deadlines
 * @param allowHalfOpen answer a client that half-closed after sending its request; by default,
 *     as Node's {@code httpAllowHalfOpen}, a client's end of stream abandons its request
 */
public record HttpServerOptions(
        String host,
        int port,
        int backlog,
        boolean reusePort,
        int maxConnections,
        HttpParserOptions parser,
        Duration headersTimeout,
        Duration requestTimeout,
        Duration keepAliveTimeout,
        long maxBodyBytes,
        Duration shutdownTimeout,
        Duration timeoutCheckInterval,
        boolean allowHalfOpen) {

    /** Loopback: a server is reachable from other hosts only when asked for. */
    public static final String DEFAULT_HOST = "127.0.0.1";
    /** 511, as Node. */
    public static final int DEFAULT_BACKLOG = 511;
    /** 60 s, as Node's {@code server.headersTimeout}. */
    public static final Duration DEFAULT_HEADERS_TIMEOUT = Duration.ofSeconds(60);
    /** 300 s, as Node's {@code server.requestTimeout}. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(300);
    /** 5 s, as Node's {@code server.keepAliveTimeout}. */
    public static final Duration DEFAULT_KEEP_ALIVE_TIMEOUT = Duration.ofSeconds(5);
    /** 1 MiB, in bytes. */
    public static final long DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
    /** 10 s. */
    public static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(10);
    /** 1 s: a timeout fires at most this late. */
    public static final Duration DEFAULT_TIMEOUT_CHECK_INTERVAL = Duration.ofSeconds(1);

    /** Every default, port 0. */
    public static final HttpServerOptions DEFAULTS = builder().build();

    public HttpServerOptions {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(parser, "parser");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port);
        }
        requirePositive(headersTimeout, "headersTimeout");
        requirePositive(requestTimeout, "requestTimeout");
        requirePositive(keepAliveTimeout, "keepAliveTimeout");
        requirePositive(shutdownTimeout, "shutdownTimeout");
        requirePositive(timeoutCheckInterval, "timeoutCheckInterval");
        if (maxBodyBytes < 0) {
            throw new IllegalArgumentException("maxBodyBytes must be >= 0, was " + maxBodyBytes);
        }
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + duration);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().host(host).port(port).backlog(backlog).reusePort(reusePort)
                .maxConnections(maxConnections).parser(parser).headersTimeout(headersTimeout)
                .requestTimeout(requestTimeout).keepAliveTimeout(keepAliveTimeout).maxBodyBytes(maxBodyBytes)
                .shutdownTimeout(shutdownTimeout).timeoutCheckInterval(timeoutCheckInterval)
                .allowHalfOpen(allowHalfOpen);
    }

    /** Builds {@link HttpServerOptions}; every field starts at its default. */
    public static final class Builder {
        private String host = DEFAULT_HOST;
        private int port;
        private int backlog = DEFAULT_BACKLOG;
        private boolean reusePort;
        private int maxConnections = Integer.MAX_VALUE;
        private HttpParserOptions parser = HttpParserOptions.DEFAULTS;
        private Duration headersTimeout = DEFAULT_HEADERS_TIMEOUT;
        private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
        private Duration keepAliveTimeout = DEFAULT_KEEP_ALIVE_TIMEOUT;
        private long maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
        private Duration shutdownTimeout = DEFAULT_SHUTDOWN_TIMEOUT;
        private Duration timeoutCheckInterval = DEFAULT_TIMEOUT_CHECK_INTERVAL;
        private boolean allowHalfOpen;

        private Builder() {}

        public Builder host(String host) {
            this.host = host;
            return this;
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder backlog(int backlog) {
            this.backlog = backlog;
            return this;
        }

        public Builder reusePort(boolean reusePort) {
            this.reusePort = reusePort;
            return this;
        }

        public Builder maxConnections(int maxConnections) {
            this.maxConnections = maxConnections;
            return this;
        }

        public Builder parser(HttpParserOptions parser) {
            this.parser = parser;
            return this;
        }

        public Builder headersTimeout(Duration headersTimeout) {
            this.headersTimeout = headersTimeout;
            return this;
        }

        public Builder requestTimeout(Duration requestTimeout) {
            this.requestTimeout = requestTimeout;
            return this;
        }

        public Builder keepAliveTimeout(Duration keepAliveTimeout) {
            this.keepAliveTimeout = keepAliveTimeout;
            return this;
        }

        public Builder maxBodyBytes(long maxBodyBytes) {
            this.maxBodyBytes = maxBodyBytes;
            return this;
        }

        public Builder shutdownTimeout(Duration shutdownTimeout) {
            this.shutdownTimeout = shutdownTimeout;
            return this;
        }

        public Builder timeoutCheckInterval(Duration timeoutCheckInterval) {
            this.timeoutCheckInterval = timeoutCheckInterval;
            return this;
        }

        public Builder allowHalfOpen(boolean allowHalfOpen) {
            this.allowHalfOpen = allowHalfOpen;
            return this;
        }

        public HttpServerOptions build() {
            return new HttpServerOptions(host, port, backlog, reusePort, maxConnections, parser, headersTimeout,
                    requestTimeout, keepAliveTimeout, maxBodyBytes, shutdownTimeout, timeoutCheckInterval, allowHalfOpen);
        }
    }
}
