package dev.spindle.bench.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.concurrent.CountDownLatch;

/**
 * The floor of the HTTP bench: the least CPU per request that any server on this machine can use
 * for the bench's traffic. One thread on a bare {@link Selector}: it finds the end of each request
 * head and its path, and answers with canned bytes (the same head and body Spindle sends, Date
 * refreshed each second), one read and one write per batch, as Spindle and Netty do. No parsing,
 * no validation, no request bodies, no {@code Connection: close}, and a request pipelined behind a
 * {@code /wait} would overtake it (the bench never does that): not a server anyone should run.
 * What it costs per request is almost all the kernel's loopback TCP work, which every server pays,
 * so a goal that needs a server cheaper than the floor cannot be met by any implementation.
 * {@code java -cp benchmarks.jar dev.spindle.bench.http.FloorBenchServer PORT}.
 */
public final class FloorBenchServer implements BenchServer {

    private static final byte[] END_OF_HEAD = {'\r', '\n', '\r', '\n'};
    private static final byte[] NOTHING = {};

    private final ServerSocketChannel listener;
    private final Selector selector;
    private final Thread thread;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final ByteBuffer in = ByteBuffer.allocateDirect(64 * 1024);
    private final byte[] scan = new byte[64 * 1024];
    private final ByteBuffer out = ByteBuffer.allocateDirect(256 * 1024);
    /** {@code /wait} answers due, in order: every one waits the same 50 ms. */
    private final ArrayDeque<Waiting> waits = new ArrayDeque<>();
    private volatile boolean running = true;
    private long cannedSecond = -1;
    private byte[] plaintext;
    private byte[] json;
    private byte[] notFound;

    private record Waiting(SelectionKey key, long dueNanos) {}

    /** What a connection keeps between reads: the start of a head not ended yet, answers not yet written. */
    private static final class Connection {
        byte[] partial = NOTHING;
        ByteBuffer unwritten;
    }

    private FloorBenchServer(ServerSocketChannel listener, Selector selector) {
        this.listener = listener;
        this.selector = selector;
        this.thread = Thread.ofPlatform().name("floor-bench").unstarted(this::run);
    }

    public static void main(String[] args) {
        BenchServer.serve("floor", args, FloorBenchServer::start, System.out);
    }

    /** Starts the floor server on {@code port} (0: any) on a thread of its own. */
    public static FloorBenchServer start(int port) {
        try {
            ServerSocketChannel listener = ServerSocketChannel.open();
            listener.bind(new InetSocketAddress(BenchRoutes.HOST, port), BenchRoutes.BACKLOG);
            listener.configureBlocking(false);
            Selector selector = Selector.open();
            listener.register(selector, SelectionKey.OP_ACCEPT);
            FloorBenchServer server = new FloorBenchServer(listener, selector);
            server.thread.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public int port() {
        return listener.socket().getLocalPort();
    }

    @Override
    public void close() {
        running = false;
        selector.wakeup();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        try (selector; listener) {
            while (running) {
                long timeoutMillis = waits.isEmpty() ? 0 : Math.max(1, (waits.peek().dueNanos() - System.nanoTime()) / 1_000_000);
                selector.select(this::ready, timeoutMillis);
                answerDueWaits();
            }
            for (SelectionKey key : selector.keys()) {
                key.channel().close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            stopped.countDown();
        }
    }

    private void ready(SelectionKey key) {
        try {
            if (key.isAcceptable()) {
                accept();
                return;
            }
            Connection connection = (Connection) key.attachment();
            if (key.isWritable()) {
                writeUnwritten(key, connection);
            }
            if (key.isValid() && key.isReadable()) {
                read(key, connection);
            }
        } catch (IOException e) {
            closeQuietly(key);
        }
    }

    private void accept() throws IOException {
        SocketChannel channel;
        while ((channel = listener.accept()) != null) {
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.register(selector, SelectionKey.OP_READ, new Connection());
        }
    }

    private void read(SelectionKey key, Connection connection) throws IOException {
        in.clear();
        int read = ((SocketChannel) key.channel()).read(in);
        if (read < 0) {
            closeQuietly(key);
            return;
        }
        in.flip();
        int kept = connection.partial.length;
        byte[] bytes = kept + read <= scan.length ? scan : new byte[kept + read];
        System.arraycopy(connection.partial, 0, bytes, 0, kept);
        in.get(bytes, kept, read);
        int length = kept + read;
        refreshCanned();
        out.clear();
        int start = 0;
        for (int end; (end = indexOf(bytes, start, length)) >= 0; start = end + END_OF_HEAD.length) {
            byte[] answer = answerFor(bytes, start, end);
            if (answer == null) {
                waits.add(new Waiting(key, System.nanoTime() + BenchRoutes.WAIT_MILLIS * 1_000_000L));
            } else {
                if (out.remaining() < answer.length) {
                    write(key, connection, out.flip());
                    out.clear();
                }
                out.put(answer);
            }
        }
        connection.partial = start == length ? NOTHING : java.util.Arrays.copyOfRange(bytes, start, length);
        out.flip();
        write(key, connection, out);
    }

    /** The canned answer for the request head in {@code bytes[start, end)}, or null for {@code /wait}. */
    private byte[] answerFor(byte[] bytes, int start, int end) {
        int pathStart = start;
        while (pathStart < end && bytes[pathStart] != ' ') {
            pathStart++;
        }
        int pathEnd = ++pathStart;
        while (pathEnd < end && bytes[pathEnd] != ' ') {
            pathEnd++;
        }
        String path = new String(bytes, pathStart, pathEnd - pathStart, StandardCharsets.ISO_8859_1);
        return switch (path) {
            case BenchRoutes.PLAINTEXT -> plaintext;
            case BenchRoutes.JSON -> json;
            case BenchRoutes.WAIT -> null;
            default -> notFound;
        };
    }

    private void answerDueWaits() {
        long now = System.nanoTime();
        while (!waits.isEmpty() && waits.peek().dueNanos() - now <= 0) {
            SelectionKey key = waits.poll().key();
            if (key.isValid()) {
                refreshCanned();
                try {
                    write(key, (Connection) key.attachment(), ByteBuffer.wrap(plaintext));
                } catch (IOException e) {
                    closeQuietly(key);
                }
            }
        }
    }

    private void write(SelectionKey key, Connection connection, ByteBuffer data) throws IOException {
        if (!data.hasRemaining()) {
            return;
        }
        if (connection.unwritten == null) {
            ((SocketChannel) key.channel()).write(data);
            if (!data.hasRemaining()) {
                return;
            }
        }
        ByteBuffer rest = ByteBuffer.allocate((connection.unwritten == null ? 0 : connection.unwritten.remaining()) + data.remaining());
        if (connection.unwritten != null) {
            rest.put(connection.unwritten);
        }
        connection.unwritten = rest.put(data).flip();
        key.interestOps(key.interestOps() | SelectionKey.OP_WRITE);
    }

    private void writeUnwritten(SelectionKey key, Connection connection) throws IOException {
        ((SocketChannel) key.channel()).write(connection.unwritten);
        if (!connection.unwritten.hasRemaining()) {
            connection.unwritten = null;
            key.interestOps(SelectionKey.OP_READ);
        }
    }

    private static int indexOf(byte[] bytes, int from, int length) {
        for (int i = from; i + 3 < length; i++) {
            if (bytes[i + 3] == '\n' && bytes[i] == '\r' && bytes[i + 1] == '\n' && bytes[i + 2] == '\r') {
                return i;
            }
        }
        return -1;
    }

    /** Rebuilds the canned answers when the second changes: their Date header moves with it. */
    private void refreshCanned() {
        long second = System.currentTimeMillis() / 1000;
        if (second != cannedSecond) {
            cannedSecond = second;
            plaintext = canned(200, "OK", "text/plain; charset=utf-8", BenchRoutes.HELLO);
            json = canned(200, "OK", "application/json; charset=utf-8", BenchRoutes.JSON_BODY);
            notFound = canned(404, "Not Found", "text/plain; charset=utf-8", "Not Found");
        }
    }

    private static byte[] canned(int status, String reason, String type, String body) {
        return ("HTTP/1.1 " + status + " " + reason + "\r\nContent-Type: " + type + "\r\nContent-Length: " + body.length()
                + "\r\nDate: " + HttpDate.now() + "\r\n\r\n" + body).getBytes(StandardCharsets.ISO_8859_1);
    }

    private static void closeQuietly(SelectionKey key) {
        key.cancel();
        try {
            key.channel().close();
        } catch (IOException ignored) {
            // closing a socket that failed: nothing more to do
        }
    }
}
