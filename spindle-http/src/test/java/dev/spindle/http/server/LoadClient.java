package dev.spindle.http.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Test support, run in a child JVM by {@link ManyConnectionsTest} so that its sockets count
 * against their own file-descriptor limit: opens {@code count} keep-alive connections with one
 * non-blocking selector, a bounded number of connects at a time, sends one GET on each and checks
 * the answer. With all of them open it prints {@code READY <open>} and waits for a line on stdin;
 * then it sends a second GET on every connection, prints {@code DONE <ok> <errors>} and exits.
 *
 * <p>Arguments: {@code port count path expectedBody}.
 */
public final class LoadClient {

    /** Connects in flight at once, below the server's accept backlog. */
    private static final int MAX_CONNECTING = 1000;

    private final InetSocketAddress address;
    private final int count;
    private final byte[] request;
    private final String expectedBody;
    private final Selector selector;
    private final List<Connection> connections = new ArrayList<>();
    private int connecting;
    private int finishedRound;
    private int errors;
    private String firstError;

    /** One connection's state: what is left to write, and the response read so far. */
    private final class Connection {
        final SocketChannel channel;
        final ByteBuffer out = ByteBuffer.allocate(request.length);
        ByteBuffer in = ByteBuffer.allocate(512);
        SelectionKey key;
        boolean failed;

        Connection(SocketChannel channel) {
            this.channel = channel;
        }

        void startRequest() {
            out.clear();
            out.put(request).flip();
            in.clear();
            key.interestOps(SelectionKey.OP_WRITE);
        }

        void onReady() {
            try {
                if (key.isConnectable()) {
                    channel.finishConnect();
                    connecting--;
                    startRequest();
                } else if (key.isWritable()) {
                    channel.write(out);
                    if (!out.hasRemaining()) {
                        key.interestOps(SelectionKey.OP_READ);
                    }
                } else if (key.isReadable()) {
                    if (!in.hasRemaining()) {
                        in = ByteBuffer.allocate(in.capacity() * 2).put(in.flip());
                    }
                    if (channel.read(in) < 0) {
                        fail("closed by the server");
                        return;
                    }
                    checkResponse();
                }
            } catch (IOException e) {
                fail(e.toString());
            }
        }

        private void checkResponse() {
            String text = new String(in.array(), 0, in.position(), StandardCharsets.ISO_8859_1);
            int headEnd = text.indexOf("\r\n\r\n");
            if (headEnd < 0) {
                return;
            }
            int lengthAt = text.toLowerCase(java.util.Locale.ROOT).indexOf("\r\ncontent-length:");
            if (lengthAt < 0 || lengthAt > headEnd) {
                fail("no Content-Length: " + text);
                return;
            }
            int length = Integer.parseInt(text.substring(lengthAt + 17, text.indexOf("\r\n", lengthAt + 2)).trim());
            if (text.length() < headEnd + 4 + length) {
                return;
            }
            String body = text.substring(headEnd + 4, headEnd + 4 + length);
            if (!text.startsWith("HTTP/1.1 200 ") || !body.equals(expectedBody) || text.length() > headEnd + 4 + length) {
                fail("unexpected response: " + text);
                return;
            }
            key.interestOps(0);
            finishedRound++;
        }

        void fail(String why) {
            if (!failed) {
                failed = true;
                errors++;
                finishedRound++;
                if (firstError == null) {
                    firstError = why;
                }
                if (key != null) {
                    key.cancel();
                }
            }
        }
    }

    private LoadClient(int port, int count, String path, String expectedBody) throws IOException {
        this.address = new InetSocketAddress("127.0.0.1", port);
        this.count = count;
        this.request = ("GET " + path + " HTTP/1.1\r\nHost: load\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        this.expectedBody = expectedBody;
        this.selector = Selector.open();
    }

    public static void main(String[] args) throws IOException {
        LoadClient client = new LoadClient(Integer.parseInt(args[0]), Integer.parseInt(args[1]), args[2], args[3]);
        client.run();
    }

    private void run() throws IOException {
        firstRound();
        System.out.println("READY " + (count - errors) + " " + errors + (firstError == null ? "" : " " + firstError));
        System.out.flush();
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        int errorsBefore = errors;
        secondRound();
        System.out.println("DONE " + (count - errors) + " " + (errors - errorsBefore) + (firstError == null ? "" : " " + firstError));
        System.out.flush();
        for (Connection connection : connections) {
            connection.channel.close();
        }
        selector.close();
    }

    private void firstRound() throws IOException {
        finishedRound = 0;
        while (finishedRound < count) {
            while (connections.size() < count && connecting < MAX_CONNECTING) {
                SocketChannel channel = SocketChannel.open();
                channel.configureBlocking(false);
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                Connection connection = new Connection(channel);
                connections.add(connection);
                connecting++;
                try {
                    boolean done = channel.connect(address);
                    connection.key = channel.register(selector, SelectionKey.OP_CONNECT, connection);
                    if (done) {
                        connecting--;
                        connection.startRequest();
                    }
                } catch (IOException e) {
                    connecting--;
                    connection.fail(e.toString());
                }
            }
            pollOnce();
        }
    }

    private void secondRound() throws IOException {
        finishedRound = 0;
        for (Connection connection : connections) {
            if (connection.failed) {
                finishedRound++;
            } else {
                connection.startRequest();
            }
        }
        while (finishedRound < count) {
            pollOnce();
        }
    }

    private void pollOnce() throws IOException {
        if (selector.select(10_000) == 0) {
            throw new IOException("no progress for 10 s; " + finishedRound + " of " + count + " finished");
        }
        for (SelectionKey key : selector.selectedKeys()) {
            if (key.isValid()) {
                ((Connection) key.attachment()).onReady();
            }
        }
        selector.selectedKeys().clear();
    }
}
