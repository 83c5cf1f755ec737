package dev.spindle.http.internal.server;

import dev.spindle.http.HttpVersion;
import dev.spindle.http.internal.RequestHead;
import dev.spindle.http.internal.routing.Exchange;
import dev.spindle.http.internal.routing.Pipeline;
import java.util.Map;

/** One request on a connection and the response to it. */
final class ServerExchange implements Exchange {

    private final HttpConnection connection;
    private final ServerContext context;
    private final RequestHead head;
    private final RequestImpl request;
    private final RequestBodyImpl body;
    private final ResponseImpl response;
    private boolean requestComplete;
    private boolean keepAlive;
    private boolean continueSent;
    private Pipeline pipeline;

    ServerExchange(HttpConnection connection, ServerContext context, RequestHead head) {
        this.connection = connection;
        this.context = context;
        this.head = head;
        this.keepAlive = head.keepAlive() && !head.upgrade();
        this.body = new RequestBodyImpl(this, context.loop(), head.contentLength(), context.options().maxBodyBytes());
        this.request = new RequestImpl(head, body, connection.remoteAddress());
        this.response = new ResponseImpl(this, context.dates());
        if (!head.hasBody()) {
            body.noBody();
        }
    }

    void start() {
        pipeline = Pipeline.of(context.routes(), this); // set first: a listener can fail while the handler runs
        pipeline.start();
    }

    /**
     * A listener the application set on the body or the response threw. It must not unwind
     * through the parser or the socket (neither can go on after that): it fails the request as a
     * thrown handler does.
     */
    void listenerFailed(Throwable error) {
        if (pipeline != null) {
            pipeline.failFromOutside(error);
        } else {
            context.spi().reportUncaught(error);
        }
    }

    @Override
    public RequestImpl request() {
        return request;
    }

    @Override
    public ResponseImpl response() {
        return response;
    }

    RequestBodyImpl body() {
        return body;
    }

    RequestHead head() {
        return head;
    }

    HttpVersion version() {
        return head.version();
    }

    @Override
    public void routeMatched(String label, Map<String, String> params) {
        request.matched(label, params);
    }

    @Override
    public void abort(Throwable error) {
        connection.abort(this);
    }

    // ---------------------------------------------------------------- connection state

    /**
     * Whether the connection may stay open after this response. Not while the client still waits
     * for {@code 100 Continue} (it will not send the body, so the connection cannot go on), nor when
     * nobody reads a body larger than the connection would read and throw away.
     */
    boolean keepsConnection() {
        return keepAlive && !connection.isClosing() && (requestComplete || !isWaitingForContinue()
                && (body.isRead() || head.contentLength() <= HttpConnection.MAX_DISCARDED_BODY_BYTES));
    }

    void closeAfterResponse() {
        keepAlive = false;
    }

    void requestComplete() {
        requestComplete = true;
        body.end();
    }

    boolean isRequestComplete() {
        return requestComplete;
    }

    /** The client sent {@code Expect: 100-continue} and is still waiting for the go-ahead. */
    boolean isWaitingForContinue() {
        return head.expectContinue() && !continueSent && !requestComplete;
    }

    /** The handler wants the body: send {@code 100 Continue} if the client is waiting for it. */
    void bodyWanted() {
        if (isWaitingForContinue() && !response.headersSent()) {
            continueSent = true;
            connection.write(java.nio.ByteBuffer.wrap(ResponseImpl.CONTINUE), false);
        }
    }

    /** The connection stops parsing until the body's consumer catches up. */
    void pauseBody() {
        connection.pauseParsing();
    }

    void resumeBody() {
        if (!requestComplete && !response.isFinished()) {
            connection.continueParsing();
        }
    }

    boolean write(java.nio.ByteBuffer data) {
        return connection.write(data, false);
    }

    /** {@link #write}, of a buffer the server built and nobody else holds: it may be kept as it is. */
    boolean writeOwned(java.nio.ByteBuffer data) {
        return connection.write(data, true);
    }

    HttpConnection connection() {
        return connection;
    }

    void responseFinished() {
        connection.responseFinished(this);
    }

    /** The connection died under this exchange: the response goes nowhere from now on. */
    void aborted() {
        boolean unanswered = !response.isFinished();
        response.aborted();
        if (unanswered) {
            context.spi().dispatch(request.route(), request::abort);
        }
    }
}
