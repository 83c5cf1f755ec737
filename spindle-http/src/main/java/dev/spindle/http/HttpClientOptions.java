package dev.spindle.http;

import java.time.Duration;
import java.util.Objects;

/**
 * Immutable settings of an {@link HttpClient}; build with {@link #builder()}. Any thread may build them.
 *
 * @param connectTimeout time to open a TCP connection; {@link Duration#ZERO} for none
 * @param readTimeout time a connection with requests waiting may go without reading a byte (the
 *     clock starts when a request is sent on an idle connection and restarts with every read);
 *     {@link Duration#ZERO} for none
 * @param maxConnectionsPerOrigin pooled connections per {@code host:port}; requests beyond them wait
 * @param pipelining requests a pooled connection carries at once (HTTP/1.1 pipelining); 1 for none
 * @param idleTimeout how long a pooled connection may sit idle and still be reused; an older one is
 *     closed instead, before the server's keep-alive timeout (Node's is 5 s) closes it under a request
 * @param maxResponseBodyBytes largest response body a request accepts, collected or not
 * @param parser response-parsing limits: the header section and chunk-size line sizes
 */
public record HttpClientOptions(
        Duration connectTimeout,
        Duration readTimeout,
        int maxConnectionsPerOrigin,
        int pipelining,
        Duration idleTimeout,
        long maxResponseBodyBytes,
        HttpParserOptions parser) {

    /** 10 s. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** 30 s. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);
    /** 16 connections per origin. */
    public static final int DEFAULT_MAX_CONNECTIONS_PER_ORIGIN = 16;
    /** 1: no pipelining, as browsers and Node. */
    public static final int DEFAULT_PIPELINING = 1;
    /** 4 s, as undici: under the 5 s keep-alive timeout of Node and of Spindle's server. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(4);
    /** 64 MiB, in bytes. */
    public static final long DEFAULT_MAX_RESPONSE_BODY_BYTES = 64L * 1024 * 1024;

    /** Every default. */
    public static final HttpClientOptions DEFAULTS = builder().build();

    public HttpClientOptions {
        requireNotNegative(connectTimeout, "connectTimeout");
        requireNotNegative(readTimeout, "readTimeout");
        requireNotNegative(idleTimeout, "idleTimeout");
        Objects.requireNonNull(parser, "parser");
        if (maxConnectionsPerOrigin < 1) {
            throw new IllegalArgumentException("maxConnectionsPerOrigin must be >= 1, was " + maxConnectionsPerOrigin);
        }
        if (pipelining < 1) {
            throw new IllegalArgumentException("pipelining must be >= 1, was " + pipelining);
        }
        if (maxResponseBodyBytes < 0) {
            throw new IllegalArgumentException("maxResponseBodyBytes must be >= 0, was " + maxResponseBodyBytes);
        }
    }

    private static void requireNotNegative(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, was " + duration);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().connectTimeout(connectTimeout).readTimeout(readTimeout)
                .maxConnectionsPerOrigin(maxConnectionsPerOrigin).pipelining(pipelining).idleTimeout(idleTimeout)
                .maxResponseBodyBytes(maxResponseBodyBytes).parser(parser);
    }

    /** Builds {@link HttpClientOptions}; every field starts at its default. */
    public static final class Builder {
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration readTimeout = DEFAULT_READ_TIMEOUT;
        private int maxConnectionsPerOrigin = DEFAULT_MAX_CONNECTIONS_PER_ORIGIN;
        private int pipelining = DEFAULT_PIPELINING;
        private Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;
        private long maxResponseBodyBytes = DEFAULT_MAX_RESPONSE_BODY_BYTES;
        private HttpParserOptions parser = HttpParserOptions.DEFAULTS;

        private Builder() {}

        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        public Builder readTimeout(Duration readTimeout) {
            this.readTimeout = readTimeout;
            return this;
        }

        public Builder maxConnectionsPerOrigin(int maxConnectionsPerOrigin) {
            this.maxConnectionsPerOrigin = maxConnectionsPerOrigin;
            return this;
        }

        public Builder pipelining(int pipelining) {
            this.pipelining = pipelining;
            return this;
        }

        public Builder idleTimeout(Duration idleTimeout) {
            this.idleTimeout = idleTimeout;
            return this;
        }

        public Builder maxResponseBodyBytes(long maxResponseBodyBytes) {
            this.maxResponseBodyBytes = maxResponseBodyBytes;
            return this;
        }

        public Builder parser(HttpParserOptions parser) {
            this.parser = parser;
            return this;
        }

        public HttpClientOptions build() {
            return new HttpClientOptions(connectTimeout, readTimeout, maxConnectionsPerOrigin, pipelining, idleTimeout,
                    maxResponseBodyBytes, parser);
        }
    }
}
