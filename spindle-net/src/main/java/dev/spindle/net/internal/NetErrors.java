package dev.spindle.net.internal;

import dev.spindle.net.NetException;
import java.io.IOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Turns the JDK's I/O exceptions into {@link NetException}s with Node's codes and messages
 * ({@code connect ECONNREFUSED 127.0.0.1:8080}). The JDK exposes no errno, so the code comes from
 * the exception type and, failing that, from the operating system's message text.
 */
final class NetErrors {

    private NetErrors() {}

    /** {@code syscall} is the operation that failed, e.g. {@code connect}, {@code read}, {@code listen}. */
    static NetException of(IOException error, String syscall, SocketAddress address) {
        String code = code(error);
        String where = address == null ? "" : " " + describe(address);
        return new NetException(code, syscall + " " + code + where
                + (code.equals(NetException.UNKNOWN) ? ": " + error.getMessage() : ""), error);
    }

    static String code(IOException error) {
        if (error instanceof UnknownHostException) {
            return NetException.ENOTFOUND;
        }
        String message = error.getMessage() == null ? "" : error.getMessage().toLowerCase(Locale.ROOT);
        if (error instanceof ConnectException && (message.isEmpty() || message.contains("refused"))) {
            return NetException.ECONNREFUSED;
        }
        if (error instanceof BindException && message.contains("in use")) {
            return NetException.EADDRINUSE;
        }
        if (error instanceof NoRouteToHostException) {
            return "EHOSTUNREACH";
        }
        if (message.contains("reset")) {
            return NetException.ECONNRESET;
        }
        if (message.contains("broken pipe")) {
            return NetException.EPIPE;
        }
        if (message.contains("refused")) {
            return NetException.ECONNREFUSED;
        }
        if (message.contains("timed out")) {
            return "ETIMEDOUT";
        }
        if (message.contains("network is unreachable")) {
            return "ENETUNREACH";
        }
        if (message.contains("cannot assign requested address")) {
            return "EADDRNOTAVAIL";
        }
        if (message.contains("permission denied")) {
            return "EACCES";
        }
        if (message.contains("too many open files")) {
            return "EMFILE";
        }
        return NetException.UNKNOWN;
    }

    /** {@code 127.0.0.1:8080}, {@code [::1]:8080}, without a host name or leading slash. */
    static String describe(SocketAddress address) {
        if (address instanceof InetSocketAddress inet && inet.getAddress() != null) {
            String host = inet.getAddress().getHostAddress();
            return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + inet.getPort();
        }
        return String.valueOf(address);
    }
}
