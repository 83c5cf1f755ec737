package dev.spindle.http.internal.server;

import dev.spindle.http.HeaderField;
import dev.spindle.http.HttpException;
import dev.spindle.http.HttpServerOptions;
import dev.spindle.http.internal.RequestHead;
import dev.spindle.http.internal.RequestListener;
import dev.spindle.http.internal.RequestParser;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * One HTTP/1.1 connection: feeds the parser, runs one request at a time through the app, and keeps
 * pipelined requests waiting (their bytes stay unparsed, and the socket stops reading) until the
 * response before them is finished, so responses leave in request order and memory stays bounded.
 * It also keeps Node's three deadlines: the header section, the whole request, and keep-alive idle.
 *
 * <p>A connection ends with a lingering close (as Apache's): after its last response it half-closes
 * and goes on reading, discarding, until the client closes too or {@link #LINGER_MILLIS} pass.
 * Closing at once with unread input would send a TCP reset, and a reset can destroy the response
 * (a 400, a 413) before the client reads it.
 */
final class HttpConnection implements RequestListener {

    /** Bytes of a body nobody read that are discarded to keep the connection; past this it closes. */
    static final long MAX_DISCARDED_BODY_BYTES = 1024 * 1024;

    /** How long a closing connection waits for the client's end once its last bytes are sent. */
    static final long LINGER_MILLIS = 2_000;

    /** Response bytes held back while a read is parsed, at most; a bigger write flushes them first. */
    static final int MAX_CORKED_BYTES = 64 * 1024;

    /** The first size of the cork buffer: room for a batch of 16 small pipelined responses. */
    static final int CORK_SIZE = 4096;

    private enum Deadline { NONE, IDLE, HEADERS, REQUEST, LINGER }

    private final ServerContext context;
    private final HttpServerOptions options;
    private final Transport transport;
    private final RequestParser parser;
    private ServerExchange current;
    /** Input the paused parser has not consumed yet, in read mode; null when none. */
    private ByteBuffer leftover;
    private boolean feeding;
    /**
     * Response bytes written while a read is being parsed, in write mode; they leave in one write
     * when the parse of that read returns, so a batch of pipelined requests costs one system call
     * for all its responses (Netty's flush at read-complete). Null when nothing waits.
     */
    private ByteBuffer corked;
    /**
     * The first response buffer written while a read is parsed, when the server built it (nobody
     * else holds it), in read mode: kept as it is, not copied, since a read of one request (no
     * pipelining) has no other. It moves into {@link #corked} when a second write comes.
     */
    private ByteBuffer lone;
    /** The current response is the last: shutdown, an error, or the client is leaving. */
    private boolean closing;
    /** No more HTTP: the connection is lingering or destroyed; input is discarded. */
    private boolean finished;
    private boolean closed;
    private Deadline deadlineKind = Deadline.NONE;
    private long deadline;
    private long requestStart;
    private long discarded;

    HttpConnection(ServerContext context, Transport transport) {
        this.context = context;
        this.options = context.options();
        this.transport = transport;
        this.parser = new RequestParser(options.parser(), this, context.scratch());
        transport.attach(this);
        context.tracker().opened(this);
        startRequestClock(); // a new connection must send its first header section in time
    }

    // ---------------------------------------------------------------- inbound bytes

    void onData(ByteBuffer data) {
        if (closed || finished || parser.isDone()) {
            return; // read and discarded: see the lingering close in the class comment
        }
        if (deadlineKind == Deadline.IDLE) {
            startRequestClock();
        }
        if (leftover != null || (parser.isPaused() && !feeding)) {
            keepLeftover(data);
            transport.pauseReading();
            return;
        }
        feed(data);
    }

    private void feed(ByteBuffer input) {
        feeding = true;
        try {
            parser.feed(input);
        } finally {
            feeding = false;
            flushCorked();
        }
        if (input.hasRemaining() && !parser.isDone() && !closed && !finished) {
            keepLeftover(input);
            transport.pauseReading();
        }
    }

    /** Lets the parser go on: after a finished exchange, or when a paused body is read again. */
    void continueParsing() {
        if (closed || finished) {
            return;
        }
        parser.resume();
        if (feeding) {
            return; // the feed in progress goes on as soon as the current callback returns
        }
        transport.resumeReading();
        ByteBuffer pending = leftover;
        leftover = null;
        if (pending != null) {
            feed(pending);
        }
    }

    /** The request body's consumer fell behind: stop parsing (and so reading) until it resumes. */
    void pauseParsing() {
        parser.pause();
    }

    private void keepLeftover(ByteBuffer input) {
        int previous = leftover == null ? 0 : leftover.remaining();
        ByteBuffer combined = ByteBuffer.allocate(previous + input.remaining());
        if (leftover != null) {
            combined.put(leftover);
        }
        combined.put(input).flip();
        leftover = combined;
    }

    // ---------------------------------------------------------------- parser events

    @Override
    public void onHead(RequestHead head) {
        arm(Deadline.REQUEST, requestStart + options.requestTimeout().toMillis());
        ServerExchange exchange = new ServerExchange(this, context, head);
        current = exchange;
        if (closing) {
            exchange.closeAfterResponse();
        }
        String label = context.routes().labelFor(head.method(), exchange.request().path());
        exchange.request().route(label);
        context.spi().dispatch(label, exchange::start);
    }

    @Override
    public void onBody(ByteBuffer data) {
        ServerExchange exchange = current;
        if (exchange == null) {
            return;
        }
        if (exchange.response().isFinished()) {
            discarded += data.remaining();
            if (discarded > MAX_DISCARDED_BODY_BYTES) {
                closeGracefully();
            }
            return;
        }
        exchange.body().deliver(data);
    }

    @Override
    public void onTrailers(List<HeaderField> trailers) {
        if (current != null) {
            current.request().trailers(trailers);
        }
    }

    @Override
    public void onMessageComplete() {
        ServerExchange exchange = current;
        parser.pause(); // the next pipelined request waits for this response
        arm(Deadline.NONE, 0);
        if (exchange == null) {
            return;
        }
        exchange.requestComplete();
        if (exchange.response().isFinished()) {
            afterExchange(exchange);
        }
    }

    @Override
    public void onError(HttpException error) {
        ServerExchange exchange = current;
        if (exchange != null) {
            exchange.body().fail(error);
        }
        if (exchange == null || !exchange.response().headersSent()) {
            respondAndClose(error.status());
        } else {
            closeNow();
        }
    }

    // ---------------------------------------------------------------- exchange lifecycle

    /** The response has been handed to the transport. */
    void responseFinished(ServerExchange exchange) {
        if (exchange != current) {
            return;
        }
        if (exchange.isRequestComplete()) {
            afterExchange(exchange);
        } else if (!exchange.keepsConnection()) {
            // The response said Connection: close: the client waits for a 100 Continue and will
            // not send the body, the body is too large to read and throw away, or we are leaving.
            closeGracefully();
        } else {
            discarded = 0;
            continueParsing(); // read and discard the rest of the body, keeping the connection
        }
    }

    private void afterExchange(ServerExchange exchange) {
        current = null;
        if (!exchange.keepsConnection() || closing) {
            closeGracefully();
            return;
        }
        // A pipelined request waiting in the buffer is timed from now, not from when the one
        // before it began: a slow handler must not use up the next request's time.
        requestStart = context.loop().now();
        arm(Deadline.IDLE, requestStart + options.keepAliveTimeout().toMillis());
        continueParsing();
    }

    /** Whether the response to {@code exchange} may keep the connection open. */
    boolean isClosing() {
        return closing;
    }

    /**
     * Bytes written to the client; false past the transport's high-water mark (wait for drain).
     * An {@code owned} buffer is one the server built and nobody else holds, which may be kept
     * as it is instead of copied.
     */
    boolean write(ByteBuffer data, boolean owned) {
        if (closed) {
            return false;
        }
        if (feeding && corkedBytes() + data.remaining() <= MAX_CORKED_BYTES) {
            if (owned && lone == null && corked == null) {
                lone = data;
            } else {
                if (lone != null) {
                    cork(lone);
                    lone = null;
                }
                cork(data);
            }
            return true;
        }
        flushCorked();
        return transport.write(data);
    }

    private int corkedBytes() {
        return (corked == null ? 0 : corked.position()) + (lone == null ? 0 : lone.remaining());
    }

    private void cork(ByteBuffer data) {
        if (corked == null) {
            corked = ByteBuffer.allocate(Math.max(data.remaining(), CORK_SIZE));
        } else if (corked.remaining() < data.remaining()) {
            ByteBuffer bigger = ByteBuffer.allocate(Math.max(corked.capacity() * 2, corked.position() + data.remaining()));
            corked = bigger.put(corked.flip());
        }
        corked.put(data);
    }

    private void flushCorked() {
        ByteBuffer out = lone != null ? lone : corked == null ? null : corked.flip();
        lone = null;
        corked = null;
        if (out != null && !closed) {
            transport.write(out);
        }
    }

    // ---------------------------------------------------------------- transport events

    void onDrain() {
        if (current != null) {
            current.response().drained();
        }
    }

    /** The client ended its side; the socket allows half-open connections, so the answer can still go out. */
    void onEnd() {
        if (closed || finished) {
            return; // lingering: the socket closes now that both sides have ended
        }
        parser.finish(); // a request cut short is answered 400 and never processed (RFC 9112 section 8)
        if (finished) {
            return;
        }
        if (current == null) {
            closeGracefully();
        } else if (options.allowHalfOpen()) {
            current.closeAfterResponse(); // a client that half-closed after its request still gets the answer
        } else {
            closeNow(); // as Node's default: a client that hangs up has abandoned its request
        }
    }

    void onTransportError(Throwable error) {
        if (current != null) {
            current.body().fail(error);
        }
    }

    void onClose() {
        if (closed) {
            return;
        }
        closed = true;
        arm(Deadline.NONE, 0);
        if (current != null) {
            current.body().fail(new HttpException(400, "the client closed the connection"));
            current.aborted();
        }
        context.tracker().closed(this);
    }

    // ---------------------------------------------------------------- deadlines and shutdown

    private void startRequestClock() {
        requestStart = context.loop().now();
        arm(Deadline.HEADERS, requestStart + options.headersTimeout().toMillis());
    }

    private void arm(Deadline kind, long at) {
        deadlineKind = kind;
        deadline = at;
    }

    /** Called by the server's sweep: enforces the deadline in force, if it has passed. */
    void checkDeadline(long now) {
        if (closed || deadlineKind == Deadline.NONE || now < deadline) {
            return;
        }
        switch (deadlineKind) {
            case IDLE -> closeGracefully();
            case LINGER -> {
                if (transport.bufferedBytes() > 0) {
                    arm(Deadline.LINGER, now + LINGER_MILLIS); // the last response is still going out
                } else {
                    closeNow();
                }
            }
            case HEADERS, REQUEST -> {
                if (current == null || !current.response().headersSent()) {
                    respondAndClose(408);
                } else {
                    closeNow();
                }
            }
            case NONE -> { }
        }
    }

    /** Graceful server shutdown: idle connections close now, busy ones after their response. */
    void shutdown() {
        closing = true;
        if (current == null) {
            closeGracefully();
        }
    }

    private void respondAndClose(int status) {
        ServerExchange exchange = current;
        current = null;
        closing = true;
        if (exchange != null) {
            exchange.aborted(); // first, so that the handler's reaction to the failed body goes nowhere
            exchange.body().fail(new HttpException(status, "the request was rejected with " + status));
        }
        flushCorked();
        transport.write(ByteBuffer.wrap(ErrorResponses.encode(status, context.dates())));
        closeGracefully();
    }

    /** Sends what is queued, half-closes, and lingers: see the class comment. */
    void closeGracefully() {
        closing = true;
        if (closed || finished) {
            return;
        }
        finished = true;
        leftover = null;
        parser.pause(); // a feed in progress stops at once: no pipelined request starts now
        arm(Deadline.LINGER, context.loop().now() + LINGER_MILLIS);
        flushCorked();
        transport.end();
        transport.resumeReading();
    }

    void closeNow() {
        closing = true;
        finished = true;
        parser.pause();
        if (!closed) {
            transport.destroy();
        }
    }

    /** An error reached the pipeline after {@code exchange}'s headers went out: cut the connection, if still its. */
    void abort(ServerExchange exchange) {
        if (exchange == current) {
            closeNow();
        }
    }

    /** Bytes of response queued in the transport and not yet handed to the kernel. */
    long bufferedBytes() {
        return transport.bufferedBytes();
    }

    /** Input read but not parsed yet, held while the parser waits. */
    int leftoverBytes() {
        return leftover == null ? 0 : leftover.remaining();
    }

    /** Whether the transport has stopped reading. */
    boolean isReadingPaused() {
        return transport.isReadingPaused();
    }

    java.net.InetSocketAddress remoteAddress() {
        return transport.remoteAddress();
    }
}
