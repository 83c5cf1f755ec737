package dev.spindle.bench.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The memory run's client: opens {@code COUNT} keep-alive connections to a bench server, sends
 * {@code GET /} on each and reads the answer (so each is a served, idle keep-alive connection, not
 * a half-accepted one), prints {@code held COUNT}, then holds them until its standard input closes
 * or {@code HOLD_SECONDS} pass, whichever is first, and closes them all.
 *
 * <pre>java -cp benchmarks.jar dev.spindle.bench.http.HoldConnections PORT [COUNT=10000] [HOLD_SECONDS=300]</pre>
 */
public final class HoldConnections {

    private static final byte[] REQUEST = ("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.US_ASCII);

    private HoldConnections() {}

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        Duration hold = Duration.ofSeconds(args.length > 2 ? Long.parseLong(args[2]) : 300);
        List<Socket> sockets = open(new InetSocketAddress(BenchRoutes.HOST, port), count);
        System.out.println("held " + sockets.size());
        System.out.flush();
        Thread waiter = Thread.ofPlatform().daemon().start(() -> {
            try {
                while (System.in.read() >= 0) {
                    // until end of input
                }
            } catch (IOException e) {
                // treated as end of input
            }
        });
        waiter.join(hold);
        for (Socket socket : sockets) {
            socket.close();
        }
        System.out.println("closed " + sockets.size());
    }

    /** Opens {@code count} connections to {@code address}, each having had one request answered. */
    public static List<Socket> open(InetSocketAddress address, int count) throws IOException {
        List<Socket> sockets = new ArrayList<>(count);
        try {
            for (int i = 0; i < count; i++) {
                Socket socket = new Socket();
                sockets.add(socket);
                socket.connect(address, 10_000);
                socket.setSoTimeout(10_000);
                socket.getOutputStream().write(REQUEST);
                readResponse(socket.getInputStream());
            }
        } catch (IOException e) {
            for (Socket socket : sockets) {
                socket.close();
            }
            throw new IOException("connection " + sockets.size() + " of " + count + ": " + e.getMessage(), e);
        }
        return sockets;
    }

    /** Reads one response with a {@code Content-Length} body; throws unless its status is 200. */
    static void readResponse(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the server closed the connection mid-response: " + head);
            }
            head.append((char) b);
        }
        String text = head.toString();
        if (!text.startsWith("HTTP/1.1 200")) {
            throw new IOException("not a 200: " + text.lines().findFirst().orElse(""));
        }
        long length = text.lines()
                .filter(line -> line.toLowerCase(Locale.ROOT).startsWith("content-length:"))
                .mapToLong(line -> Long.parseLong(line.substring(line.indexOf(':') + 1).trim()))
                .findFirst()
                .orElseThrow(() -> new UncheckedIOException(new IOException("no Content-Length: " + text)));
        for (long i = 0; i < length; i++) {
            if (in.read() < 0) {
                throw new IOException("the server closed the connection mid-body");
            }
        }
    }
}
