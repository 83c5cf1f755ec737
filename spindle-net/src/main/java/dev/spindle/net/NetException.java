package dev.spindle.net;

import java.util.Objects;

/**
 * The base of every error the net module throws, rejects a promise with, or emits as a socket's
 * {@code error} event. Unchecked. {@link #code()} names the failure as Node does
 * ({@code ECONNREFUSED}, {@code ECONNRESET}, {@code EADDRINUSE}, {@code ERR_STREAM_WRITE_AFTER_END},
 * ...), so callers can branch on it without parsing messages; the JDK's exception, if any, is the
 * cause.
 */
public class NetException extends RuntimeException {

    /** The peer refused the connection: nothing listens on that port. */
    public static final String ECONNREFUSED = "ECONNREFUSED";
    /** The peer reset the connection (it closed with unread data, or with SO_LINGER 0). */
    public static final String ECONNRESET = "ECONNRESET";
    /** Writing to a connection the peer has closed. */
    public static final String EPIPE = "EPIPE";
    /** The address is already bound by another socket. */
    public static final String EADDRINUSE = "EADDRINUSE";
    /** The host name did not resolve. */
    public static final String ENOTFOUND = "ENOTFOUND";
    /** {@link TcpSocket#write} after {@link TcpSocket#end()}. */
    public static final String ERR_STREAM_WRITE_AFTER_END = "ERR_STREAM_WRITE_AFTER_END";
    /** {@link TcpSocket#write} after {@link TcpSocket#destroy()} or after the socket closed. */
    public static final String ERR_STREAM_DESTROYED = "ERR_STREAM_DESTROYED";
    /** An I/O failure with no more specific code. */
    public static final String UNKNOWN = "UNKNOWN";

    private final String code;

    /** An error with a code and a message, and no cause. */
    public NetException(String code, String message) {
        this(code, message, null);
    }

    /** An error with a code, a message and the exception that caused it (may be null). */
    public NetException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    /** The Node-style error code, e.g. {@value #ECONNREFUSED}; never null. */
    public String code() {
        return code;
    }
}
