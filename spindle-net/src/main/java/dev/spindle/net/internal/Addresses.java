package dev.spindle.net.internal;

import dev.spindle.loop.Loop;
import dev.spindle.loop.Promise;
import dev.spindle.net.NetException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.ProtocolFamily;
import java.net.StandardProtocolFamily;
import java.net.UnknownHostException;

/**
 * Host names and addresses. An IP literal is parsed on the loop, since parsing never blocks; a
 * name goes to the loop's blocking pool, because the system resolver may wait on the network.
 */
final class Addresses {

    private Addresses() {}

    /** The address {@code host} spells, if it is an IP literal (brackets allowed), else null. */
    static InetAddress literal(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (bare.isEmpty() || !looksLikeLiteral(bare)) {
            return null;
        }
        try {
            return InetAddress.ofLiteral(bare);
        } catch (IllegalArgumentException notALiteral) {
            return null;
        }
    }

    private static boolean looksLikeLiteral(String host) {
        if (host.indexOf(':') >= 0) {
            return true;
        }
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (c != '.' && (c < '0' || c > '9')) {
                return false;
            }
        }
        return true;
    }

    /** Resolves {@code host} on the blocking pool; rejects with {@code ENOTFOUND} when it does not resolve. */
    static Promise<InetAddress[]> lookup(Loop loop, String host) {
        return loop.offload(() -> {
            try {
                return InetAddress.getAllByName(host);
            } catch (UnknownHostException e) {
                throw new NetException(NetException.ENOTFOUND, "getaddrinfo ENOTFOUND " + host, e);
            }
        });
    }

    /** The protocol family a channel needs to bind or connect to {@code address}. */
    static ProtocolFamily family(InetAddress address) {
        return address instanceof Inet4Address ? StandardProtocolFamily.INET : StandardProtocolFamily.INET6;
    }

    static void checkPort(int port) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be within 0..65535, was " + port);
        }
    }
}
