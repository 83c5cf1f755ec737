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
 */
final class HttpConnection implements RequestListener {

    /** Bytes of a body nobody read that are discarded to keep the connection; past this it closes. */
    static final long MAX_DISCARDED_BODY_BYTES = 1024 * 1024;

    private enum Deadline { NONE, IDLE, HEADERS, REQUEST }

    private final ServerContext context;
    private final HttpServerOptions options;
    private final Transport transport;
    private final RequestParser parser;
    private ServerExchange current;
    /** Input the paused parser has not consumed yet, in read mode; null when none. */
    private ByteBuffer leftover;
    private boolean feeding;
    private boolean closing;
    private boolean closed;
    private Deadline deadlineKind = Deadline.NONE;
    private long deadline;
    private long requestStart;
    private long discarded;

    HttpConnection(ServerContext context, Transport transport) {
        this.context = context;
        this.options = context.options();
        this.transport = transport;
        this.parser = new RequestParser(options.parser(), this);
        transport.attach(this);
        context.tracker().opened(this);
        startRequestClock(); // a new connection must send its first header section in time
    }

    // ---------------------------------------------------------------- inbound bytes

    void onData(ByteBuffer data) {
        if (closed || closing && current == null || parser.isDone()) {
            return;
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
        }
        if (input.hasRemaining() && !parser.isDone() && !closed) {
            keepLeftover(input);
            transport.pauseReading();
        }
    }

    /** Lets the parser go on: after a finished exchange, or when a paused body is read again. */
    void continueParsing() {
        if (closed) {
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
                closeNow();
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
        } else if (exchange.isWaitingForContinue() || closing) {
            closeGracefully(); // the client will not send the body it announced, or we are leaving
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
        arm(Deadline.IDLE, context.loop().now() + options.keepAliveTimeout().toMillis());
        continueParsing();
    }

    /** Whether the response to {@code exchange} may keep the connection open. */
    boolean isClosing() {
        return closing;
    }

    boolean write(ByteBuffer data) {
        return !closed && transport.write(data);
    }

    // ---------------------------------------------------------------- transport events

    void onDrain() {
        if (current != null) {
            current.response().drained();
        }
    }

    void onEnd() {
        if (current != null && current.isRequestComplete()) {
            current.closeAfterResponse(); // a client that half-closed after its request still gets the answer
        } else {
            closeNow();
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
        arm(Deadline.NONE, 0);
        if (current != null) {
            current.aborted();
        }
        current = null;
        closing = true;
        transport.write(ByteBuffer.wrap(ErrorResponses.encode(status, context.dates())));
        closeGracefully();
    }

    void closeGracefully() {
        closing = true;
        arm(Deadline.NONE, 0);
        if (!closed) {
            transport.end();
        }
    }

    void closeNow() {
        closing = true;
        if (!closed) {
            transport.destroy();
        }
    }

    java.net.InetSocketAddress remoteAddress() {
        return transport.remoteAddress();
    }
}
