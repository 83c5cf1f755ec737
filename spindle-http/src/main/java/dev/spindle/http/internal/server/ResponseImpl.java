package dev.spindle.http.internal.server;

import dev.spindle.http.HttpMethod;
import dev.spindle.http.HttpStatus;
import dev.spindle.http.HttpVersion;
import dev.spindle.http.Response;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The response to one request. The head is encoded on the first write; a whole body sent with
 * {@link #send} leaves in one array together with the head ({@link ResponseEncoder}). A streamed body without a length is
 * chunked on HTTP/1.1 and close-delimited on HTTP/1.0. HEAD, 204 and 304 responses carry no body.
 */
final class ResponseImpl implements Response {

    static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] LAST_CHUNK = "0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private final ServerExchange exchange;
    private final DateCache dates;
    /** The header fields set so far, name then value, in order; null until the first is set. */
    private String[] fields;
    /** How many slots of {@link #fields} are in use: twice the number of fields. */
    private int fieldSlots;
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
        append(name, value);
        return this;
    }

    @Override
    public Response addHeader(String name, String value) {
        checkHeadersOpen();
        HeaderValues.check(name, value);
        append(name, value);
        return this;
    }

    @Override
    public Optional<String> header(String name) {
        int index = indexOf(name);
        return index < 0 ? Optional.empty() : Optional.of(fields[index + 1]);
    }

    /** Where the name of the first field called {@code name} is in {@link #fields}, or -1. */
    private int indexOf(String name) {
        for (int i = 0; i < fieldSlots; i += 2) {
            if (fields[i].equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    private void append(String name, String value) {
        if (fields == null) {
            fields = new String[4]; // room for two fields: Content-Type and one more
        } else if (fieldSlots == fields.length) {
            fields = Arrays.copyOf(fields, fieldSlots * 2);
        }
        fields[fieldSlots++] = name;
        fields[fieldSlots++] = value;
    }

    /** Sets Content-Type to {@code type}, a valid constant, unless the application set one. */
    private void defaultType(String type) {
        if (indexOf("Content-Type") < 0) {
            append("Content-Type", type);
        }
    }

    private void removeHeader(String name) {
        if (fieldSlots == 0) {
            return;
        }
        int kept = 0;
        for (int i = 0; i < fieldSlots; i += 2) {
            if (!fields[i].equalsIgnoreCase(name)) {
                fields[kept++] = fields[i];
                fields[kept++] = fields[i + 1];
            }
        }
        Arrays.fill(fields, kept, fieldSlots, null);
        fieldSlots = kept;
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
        if (headersSent && !aborted) { // after an abort, setting a header is harmless and goes nowhere, as in Node
            throw new IllegalStateException("the headers were already sent");
        }
    }

    // ---------------------------------------------------------------- whole bodies

    @Override
    public void send(String text) {
        defaultType("text/plain; charset=utf-8");
        send0(text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void send(byte[] body) {
        defaultType("application/octet-stream");
        send0(body);
    }

    @Override
    public void json(Object value) {
        byte[] body = Json.write(value);
        defaultType("application/json; charset=utf-8");
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
        long contentLength = bodyAllowed || exchange.head().method() == HttpMethod.HEAD ? body.length : -1;
        byte[] whole = ResponseEncoder.encode(status, fields, fieldSlots, contentLength,
                connectionField(), dates.line(), body, bodyAllowed);
        exchange.writeOwned(ByteBuffer.wrap(whole));
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
        return exchange.writeOwned(frame);
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
        exchange.writeOwned(ByteBuffer.wrap(ResponseEncoder.encode(status, fields, fieldSlots, -1,
                connectionField(), dates.line(), null, false)));
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

    /**
     * The connection is gone: later writes are dropped, headers may still be set (they go nowhere),
     * and {@code end()} or {@code send} only mark the response finished, so a handler that answers
     * late finishes quietly, as in Node.
     */
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

    /**
     * Marks the headers sent and decides the connection's fate, which the head then announces: it
     * closes after this response when the application set {@code Connection: close} or the
     * exchange cannot keep it.
     */
    private ResponseEncoder.ConnectionField connectionField() {
        headersSent = true;
        int connection = indexOf("Connection");
        if (connection >= 0 && fields[connection + 1].equalsIgnoreCase("close")) {
            exchange.closeAfterResponse();
        }
        boolean keepAlive = exchange.keepsConnection();
        if (!keepAlive) {
            exchange.closeAfterResponse(); // what the head announces holds, whatever happens next
            return ResponseEncoder.ConnectionField.CLOSE;
        }
        return exchange.version() == HttpVersion.HTTP_1_0
                ? ResponseEncoder.ConnectionField.KEEP_ALIVE : ResponseEncoder.ConnectionField.NONE;
    }
}
