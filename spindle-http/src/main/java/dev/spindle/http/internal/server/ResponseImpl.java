package dev.spindle.http.internal.server;

import dev.spindle.http.HttpMethod;
import dev.spindle.http.HttpStatus;
import dev.spindle.http.HttpVersion;
import dev.spindle.http.Response;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The response to one request. The head is encoded on the first write; a whole body sent with
 * {@link #send} leaves in one buffer together with the head. A streamed body without a length is
 * chunked on HTTP/1.1 and close-delimited on HTTP/1.0. HEAD, 204 and 304 responses carry no body.
 */
final class ResponseImpl implements Response {

    static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] LAST_CHUNK = "0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private final ServerExchange exchange;
    private final DateCache dates;
    private final List<String> headerNames = new ArrayList<>(8);
    private final List<String> headerValues = new ArrayList<>(8);
    private int status = 200;
    private boolean headersSent;
    private boolean finished;
    private boolean aborted;
    private boolean chunked;
    private Runnable drainListener;
    private List<Runnable> finishListeners;

    ResponseImpl(ServerExchange exchange, DateCache dates) {
        this.exchange = exchange;
        this.dates = dates;
    }

    // ---------------------------------------------------------------- status and headers

    @Override
    public Response status(int status) {
        if (status < 100 || status > 999) {
            throw new IllegalArgumentException("status must be a three-digit code, was " + status);
        }
        checkHeadersOpen();
        this.status = status;
        return this;
    }

    @Override
    public int status() {
        return status;
    }

    @Override
    public Response header(String name, String value) {
        checkHeadersOpen();
        HeaderValues.check(name, value);
        removeHeader(name);
        headerNames.add(name);
        headerValues.add(value);
        return this;
    }

    @Override
    public Response addHeader(String name, String value) {
        checkHeadersOpen();
        HeaderValues.check(name, value);
        headerNames.add(name);
        headerValues.add(value);
        return this;
    }

    @Override
    public Optional<String> header(String name) {
        for (int i = 0; i < headerNames.size(); i++) {
            if (headerNames.get(i).equalsIgnoreCase(name)) {
                return Optional.of(headerValues.get(i));
            }
        }
        return Optional.empty();
    }

    private void removeHeader(String name) {
        for (int i = headerNames.size() - 1; i >= 0; i--) {
            if (headerNames.get(i).equalsIgnoreCase(name)) {
                headerNames.remove(i);
                headerValues.remove(i);
            }
        }
    }

    @Override
    public Response type(String contentType) {
        return header("Content-Type", contentType);
    }

    @Override
    public boolean headersSent() {
        return headersSent;
    }

    private void checkHeadersOpen() {
        if (headersSent) {
            throw new IllegalStateException("the headers were already sent");
        }
    }

    // ---------------------------------------------------------------- whole bodies

    @Override
    public void send(String text) {
        if (header("Content-Type").isEmpty()) {
            header("Content-Type", "text/plain; charset=utf-8");
        }
        send0(text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void send(byte[] body) {
        if (header("Content-Type").isEmpty()) {
            header("Content-Type", "application/octet-stream");
        }
        send0(body);
    }

    @Override
    public void json(Object value) {
        byte[] body = Json.write(value);
        if (header("Content-Type").isEmpty()) {
            header("Content-Type", "application/json; charset=utf-8");
        }
        send0(body);
    }

    @Override
    public void sendStatus(int status) {
        status(status);
        send(HttpStatus.reasonPhrase(status));
    }

    @Override
    public void redirect(String location) {
        redirect(302, location);
    }

    @Override
    public void redirect(int status, String location) {
        if (status != 301 && status != 302 && status != 303 && status != 307 && status != 308) {
            throw new IllegalArgumentException("a redirect status is 301, 302, 303, 307 or 308, was " + status);
        }
        status(status);
        header("Location", location);
        send("Redirecting to " + location);
    }

    private void send0(byte[] body) {
        checkNotFinished();
        if (aborted) {
            finish();
            return;
        }
        if (headersSent) {
            write(ByteBuffer.wrap(body));
            end();
            return;
        }
        boolean bodyAllowed = bodyAllowed();
        removeHeader("Transfer-Encoding"); // a whole body is framed by its length, never by both
        if (bodyAllowed || exchange.head().method() == HttpMethod.HEAD) {
            header("Content-Length", Integer.toString(body.length));
        }
        ByteBuffer head = encodeHead();
        ByteBuffer whole = ByteBuffer.allocate(head.remaining() + (bodyAllowed ? body.length : 0));
        whole.put(head);
        if (bodyAllowed) {
            whole.put(body);
        }
        exchange.write(whole.flip());
        finish();
    }

    // ---------------------------------------------------------------- streaming

    @Override
    public boolean write(ByteBuffer data) {
        checkNotFinished();
        if (aborted) {
            return false;
        }
        if (!headersSent) {
            startStreaming();
        }
        if (!bodyAllowed() || !data.hasRemaining()) {
            return true;
        }
        if (!chunked) {
            return exchange.write(data);
        }
        byte[] size = (Integer.toHexString(data.remaining()) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        ByteBuffer frame = ByteBuffer.allocate(size.length + data.remaining() + 2);
        frame.put(size).put(data).put((byte) '\r').put((byte) '\n').flip();
        return exchange.write(frame);
    }

    @Override
    public boolean write(byte[] data) {
        return write(ByteBuffer.wrap(data));
    }

    @Override
    public boolean write(String text) {
        return write(text.getBytes(StandardCharsets.UTF_8));
    }

    private void startStreaming() {
        if (bodyAllowed() && header("Content-Length").isEmpty()) {
            if (exchange.version() == HttpVersion.HTTP_1_1) {
                chunked = true;
                header("Transfer-Encoding", "chunked");
            } else {
                exchange.closeAfterResponse(); // HTTP/1.0: the body ends when the connection does
            }
        }
        exchange.write(encodeHead());
    }

    @Override
    public Response onDrain(Runnable listener) {
        this.drainListener = listener;
        return this;
    }

    void drained() {
        if (drainListener != null) {
            try {
                drainListener.run();
            } catch (RuntimeException | Error e) {
                exchange.listenerFailed(e);
            }
        }
    }

    @Override
    public void end() {
        checkNotFinished();
        if (aborted) {
            finish();
            return;
        }
        if (!headersSent) {
            send0(new byte[0]);
            return;
        }
        if (chunked) {
            exchange.write(ByteBuffer.wrap(LAST_CHUNK));
        }
        finish();
    }

    @Override
    public boolean isFinished() {
        return finished;
    }

    @Override
    public Response onFinish(Runnable listener) {
        if (finishListeners == null) {
            finishListeners = new ArrayList<>(2);
        }
        finishListeners.add(listener);
        return this;
    }

    private void checkNotFinished() {
        if (finished) {
            throw new IllegalStateException("the response was already finished");
        }
    }

    private void finish() {
        finished = true;
        if (finishListeners != null) {
            for (Runnable listener : finishListeners) {
                try {
                    listener.run();
                } catch (RuntimeException | Error e) {
                    exchange.listenerFailed(e); // logged: the response is finished
                }
            }
        }
        exchange.responseFinished();
    }

    /** The connection is gone: later writes are dropped, and {@code end()} only marks the response finished. */
    void aborted() {
        aborted = true;
        headersSent = true;
    }

    /** Bytes of this connection's output queued and not yet handed to the kernel. */
    long bufferedBytes() {
        return exchange.connection().bufferedBytes();
    }

    private boolean bodyAllowed() {
        return exchange.head().method() != HttpMethod.HEAD && status != 204 && status != 304 && status >= 200;
    }

    // ---------------------------------------------------------------- the head

    private ByteBuffer encodeHead() {
        headersSent = true;
        if (header("Connection").filter(value -> value.equalsIgnoreCase("close")).isPresent()) {
            exchange.closeAfterResponse();
        }
        boolean keepAlive = exchange.keepsConnection();
        if (!keepAlive) {
            exchange.closeAfterResponse(); // what the head announces holds, whatever happens next
        }
        StringBuilder head = new StringBuilder(128 + headerNames.size() * 32);
        head.append("HTTP/1.1 ") // a server sends its own version, also to 1.0 clients (RFC 9110 section 6.2)
                .append(status).append(' ').append(HttpStatus.reasonPhrase(status)).append("\r\n");
        for (int i = 0; i < headerNames.size(); i++) {
            if (!headerNames.get(i).equalsIgnoreCase("Connection")) {
                head.append(headerNames.get(i)).append(": ").append(headerValues.get(i)).append("\r\n");
            }
        }
        if (!keepAlive) {
            head.append("Connection: close\r\n");
        } else if (exchange.version() == HttpVersion.HTTP_1_0) {
            head.append("Connection: keep-alive\r\n");
        }
        byte[] date = dates.line();
        byte[] text = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer buffer = ByteBuffer.allocate(text.length + date.length + 2);
        buffer.put(text).put(date).put((byte) '\r').put((byte) '\n');
        return buffer.flip();
    }
}
