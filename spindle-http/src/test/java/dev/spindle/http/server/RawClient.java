package dev.spindle.http.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Test support: a blocking socket that writes raw request bytes (whole, or one byte per write with
 * TCP_NODELAY, so each byte leaves in its own segment) and reads HTTP/1.1 responses.
 */
public final class RawClient implements AutoCloseable {

    /** One parsed response. */
    public record Reply(int status, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    /** A byte {@link #next} read to tell a response from the end of the stream; -1 when none. */
    private int pushedBack = -1;

    public RawClient(int port) {
        try {
            socket = new Socket("127.0.0.1", port);
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(10_000);
            in = socket.getInputStream();
            out = socket.getOutputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public RawClient send(String raw) {
        try {
            out.write(raw.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes {@code bytes}, whole or one byte per write and flush. Returns false when the server
     * closed the connection before every byte was written (a reset or a broken pipe): a server may
     * reject a request before it has all of it.
     */
    public boolean sendBytes(byte[] bytes, boolean byteByByte) {
        try {
            if (byteByByte) {
                for (byte b : bytes) {
                    out.write(b);
                    out.flush();
                }
            } else {
                out.write(bytes);
                out.flush();
            }
            return true;
        } catch (IOException closedByServer) {
            return false;
        }
    }

    /** Sends {@code raw} (one char per byte), whole or one byte at a time; see {@link #sendBytes}. */
    public boolean send(String raw, boolean byteByByte) {
        return sendBytes(raw.getBytes(StandardCharsets.ISO_8859_1), byteByByte);
    }

    /** Half-closes: the server reads end of stream, and can still answer. */
    public RawClient halfClose() {
        try {
            socket.shutdownOutput();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next response, or null when the server closed (or reset) the connection instead. */
    public Reply next(boolean head) {
        try {
            int first = in.read();
            if (first == -1) {
                return null;
            }
            pushedBack = first;
        } catch (SocketTimeoutException e) {
            throw new IllegalStateException("no response and no close within the client's timeout", e);
        } catch (IOException reset) {
            return null;
        }
        return read(head);
    }

    /** Every response until the server closes the connection. */
    public List<Reply> readUntilClosed() {
        List<Reply> replies = new ArrayList<>();
        for (Reply reply; (reply = next(false)) != null; ) {
            replies.add(reply);
        }
        return replies;
    }

    /** The underlying socket, for options and state. */
    public Socket socket() {
        return socket;
    }

    /** Reads one response; {@code head} says the request was HEAD (no body follows). */
    public Reply read(boolean head) {
        try {
            String statusLine = line();
            if (statusLine == null) {
                throw new IllegalStateException("the connection closed before a response");
            }
            int status = Integer.parseInt(statusLine.split(" ")[1]);
            Map<String, String> headers = new LinkedHashMap<>();
            String line;
            while (!(line = line()).isEmpty()) {
                int colon = line.indexOf(':');
                headers.merge(line.substring(0, colon).toLowerCase(Locale.ROOT), line.substring(colon + 1).trim(),
                        (a, b) -> a + ", " + b);
            }
            if (status == 100) {
                return new Reply(status, headers, "");
            }
            String body;
            if (head || status == 204 || status == 304) {
                body = "";
            } else if ("chunked".equals(headers.get("transfer-encoding"))) {
                body = readChunked();
            } else if (headers.containsKey("content-length")) {
                body = new String(in.readNBytes(Integer.parseInt(headers.get("content-length"))), StandardCharsets.UTF_8);
            } else {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            return new Reply(status, headers, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Reply read() {
        return read(false);
    }

    /** Reads {@code count} pipelined responses. */
    public List<Reply> read(int count) {
        List<Reply> replies = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            replies.add(read());
        }
        return replies;
    }

    /** Whether the server closed the connection: the next read sees end of stream (or a reset). */
    public boolean isClosedByServer() {
        try {
            return in.read() == -1;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    private String readChunked() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            int size = Integer.parseInt(line().split(";")[0].trim(), 16);
            if (size == 0) {
                while (!line().isEmpty()) {
                    // trailers
                }
                return body.toString(StandardCharsets.UTF_8);
            }
            body.write(in.readNBytes(size));
            line();
        }
    }

    private int readByte() throws IOException {
        if (pushedBack >= 0) {
            int b = pushedBack;
            pushedBack = -1;
            return b;
        }
        return in.read();
    }

    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = readByte()) != -1) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
