package dev.spindle.net;

import java.util.Objects;

/**
 * Immutable settings of a {@link TcpServer}; build with {@link #builder()}. Any thread may build them.
 *
 * @param backlog the listen queue length: connections the kernel completes before they are accepted
 * @param reusePort SO_REUSEPORT: let several servers (one per loop) bind the same port, the kernel
 *     spreading connections between them; listening fails with {@link NetException} where the
 *     platform lacks it
 * @param maxConnections open accepted connections allowed at once; a connection beyond it is
 *     closed as soon as it is accepted and counted in {@link TcpServer#droppedConnections()}
 * @param socketOptions the options of every accepted socket; its receive buffer size is also set
 *     on the listening socket, so the window it implies is offered from the first packet
 */
public record TcpServerOptions(
        int backlog,
        boolean reusePort,
        int maxConnections,
        TcpSocketOptions socketOptions) {

    /** The listen queue length Node uses: 511 connections. */
    public static final int DEFAULT_BACKLOG = 511;

    /** SO_REUSEPORT is off by default. */
    public static final boolean DEFAULT_REUSE_PORT = false;

    /** No connection limit: {@link Integer#MAX_VALUE} connections. */
    public static final int DEFAULT_MAX_CONNECTIONS = Integer.MAX_VALUE;

    /** Every setting at its default. */
    public static final TcpServerOptions DEFAULTS = builder().build();

    /** Checks the values; see the record's parameters. */
    public TcpServerOptions {
        Objects.requireNonNull(socketOptions, "socketOptions");
        if (backlog < 1) {
            throw new IllegalArgumentException("backlog must be >= 1, was " + backlog);
        }
        if (maxConnections < 0) {
            throw new IllegalArgumentException("maxConnections must be >= 0, was " + maxConnections);
        }
    }

    /** A builder holding the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these options. */
    public Builder toBuilder() {
        return new Builder()
                .backlog(backlog)
                .reusePort(reusePort)
                .maxConnections(maxConnections)
                .socketOptions(socketOptions);
    }

    /** Builds {@link TcpServerOptions}; every field starts at its default. */
    public static final class Builder {
        private int backlog = DEFAULT_BACKLOG;
        private boolean reusePort = DEFAULT_REUSE_PORT;
        private int maxConnections = DEFAULT_MAX_CONNECTIONS;
        private TcpSocketOptions socketOptions = TcpSocketOptions.DEFAULTS;

        private Builder() {}

        /** The listen queue length. */
        public Builder backlog(int backlog) {
            this.backlog = backlog;
            return this;
        }

        /** SO_REUSEPORT. */
        public Builder reusePort(boolean reusePort) {
            this.reusePort = reusePort;
            return this;
        }

        /** Open accepted connections allowed at once. */
        public Builder maxConnections(int maxConnections) {
            this.maxConnections = maxConnections;
            return this;
        }

        /** Options of every accepted socket. */
        public Builder socketOptions(TcpSocketOptions socketOptions) {
            this.socketOptions = socketOptions;
            return this;
        }

        /** The options with the values set so far. */
        public TcpServerOptions build() {
            return new TcpServerOptions(backlog, reusePort, maxConnections, socketOptions);
        }
    }
}
