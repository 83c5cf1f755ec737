package dev.spindle.net;

/**
 * Immutable settings of a {@link TcpSocket}, for connecting clients and for the sockets a
 * {@link TcpServer} accepts; build with {@link #builder()}. Any thread may build them.
 *
 * @param noDelay TCP_NODELAY: send small writes at once instead of coalescing them (Nagle off)
 * @param keepAlive SO_KEEPALIVE: let the kernel probe an idle connection
 * @param highWaterMark bytes queued for writing beyond which {@link TcpSocket#write} returns false
 * @param allowHalfOpen keep the writing side open after the peer ends its side; when false the
 *     socket ends its own side, after the {@code end} event, as Node's default does
 * @param sendBufferSize SO_SNDBUF in bytes, or 0 for the system's default
 * @param receiveBufferSize SO_RCVBUF in bytes, or 0 for the system's default
 */
public record TcpSocketOptions(
        boolean noDelay,
        boolean keepAlive,
        int highWaterMark,
        boolean allowHalfOpen,
        int sendBufferSize,
        int receiveBufferSize) {

    /** TCP_NODELAY is on by default, as in Node: latency over packet count. */
    public static final boolean DEFAULT_NO_DELAY = true;

    /** SO_KEEPALIVE is off by default. */
    public static final boolean DEFAULT_KEEP_ALIVE = false;

    /** Bytes queued for writing before {@link TcpSocket#write} returns false: 64 KiB. */
    public static final int DEFAULT_HIGH_WATER_MARK = 64 * 1024;

    /** Half-open connections are off by default: the socket ends when the peer ends, as in Node. */
    public static final boolean DEFAULT_ALLOW_HALF_OPEN = false;

    /** SO_SNDBUF in bytes; 0 keeps the system's default (and its auto-tuning). */
    public static final int DEFAULT_SEND_BUFFER_SIZE = 0;

    /** SO_RCVBUF in bytes; 0 keeps the system's default (and its auto-tuning). */
    public static final int DEFAULT_RECEIVE_BUFFER_SIZE = 0;

    /** Every setting at its default. */
    public static final TcpSocketOptions DEFAULTS = builder().build();

    /** Checks the values; see the record's parameters. */
    public TcpSocketOptions {
        if (highWaterMark < 1) {
            throw new IllegalArgumentException("highWaterMark must be >= 1, was " + highWaterMark);
        }
        if (sendBufferSize < 0) {
            throw new IllegalArgumentException("sendBufferSize must be >= 0, was " + sendBufferSize);
        }
        if (receiveBufferSize < 0) {
            throw new IllegalArgumentException("receiveBufferSize must be >= 0, was " + receiveBufferSize);
        }
    }

    /** A builder holding the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these options. */
    public Builder toBuilder() {
        return new Builder()
                .noDelay(noDelay)
                .keepAlive(keepAlive)
                .highWaterMark(highWaterMark)
                .allowHalfOpen(allowHalfOpen)
                .sendBufferSize(sendBufferSize)
                .receiveBufferSize(receiveBufferSize);
    }

    /** Builds {@link TcpSocketOptions}; every field starts at its default. */
    public static final class Builder {
        private boolean noDelay = DEFAULT_NO_DELAY;
        private boolean keepAlive = DEFAULT_KEEP_ALIVE;
        private int highWaterMark = DEFAULT_HIGH_WATER_MARK;
        private boolean allowHalfOpen = DEFAULT_ALLOW_HALF_OPEN;
        private int sendBufferSize = DEFAULT_SEND_BUFFER_SIZE;
        private int receiveBufferSize = DEFAULT_RECEIVE_BUFFER_SIZE;

        private Builder() {}

        /** TCP_NODELAY. */
        public Builder noDelay(boolean noDelay) {
            this.noDelay = noDelay;
            return this;
        }

        /** SO_KEEPALIVE. */
        public Builder keepAlive(boolean keepAlive) {
            this.keepAlive = keepAlive;
            return this;
        }

        /** Queued bytes beyond which {@code write} returns false. */
        public Builder highWaterMark(int bytes) {
            this.highWaterMark = bytes;
            return this;
        }

        /** Keep writing after the peer ended its side. */
        public Builder allowHalfOpen(boolean allowHalfOpen) {
            this.allowHalfOpen = allowHalfOpen;
            return this;
        }

        /** SO_SNDBUF in bytes, 0 for the system default. */
        public Builder sendBufferSize(int bytes) {
            this.sendBufferSize = bytes;
            return this;
        }

        /** SO_RCVBUF in bytes, 0 for the system default. */
        public Builder receiveBufferSize(int bytes) {
            this.receiveBufferSize = bytes;
            return this;
        }

        /** The options with the values set so far. */
        public TcpSocketOptions build() {
            return new TcpSocketOptions(noDelay, keepAlive, highWaterMark, allowHalfOpen, sendBufferSize, receiveBufferSize);
        }
    }
}
