package dev.spindle.http.internal.client;

import dev.spindle.http.HttpClientConnection;
import dev.spindle.http.HttpClientException;
import dev.spindle.http.HttpClientOptions;
import dev.spindle.http.HttpClientRequest;
import dev.spindle.http.HttpClientResponse;
import dev.spindle.http.HttpException;
import dev.spindle.http.HttpMethod;
import dev.spindle.http.internal.ResponseHead;
import dev.spindle.http.internal.ResponseListener;
import dev.spindle.http.internal.ResponseParser;
import dev.spindle.loop.Loop;
import dev.spindle.loop.Promise;
import dev.spindle.loop.Timer;
import dev.spindle.net.TcpSocket;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;

/**
 * One client connection: writes requests as they are sent, parses responses as they arrive, and
 * settles the waiting requests in order (pipelining is this queue). A response that closes the
 * connection, a timeout, a malformed response or a socket failure ends it, and every request still
 * waiting fails with the reason.
 *
 * <p>Requests sent in one burst of callbacks leave in one write: the first send of a burst queues a
 * microtask that flushes them together once the callbacks of the burst have run (the server's
 * corking, for the client's side of a pipeline).
 */
final class ClientConnection implements HttpClientConnection, ResponseListener {

    /** What the owner of a connection (the pool, or the client for a caller's own) hears. */
    interface Owner {
        /** The connection can take another request (one finished, or it just opened). */
        void available(ClientConnection connection);

        /** The connection is gone. */
        void closed(ClientConnection connection);
    }

    /** Requests larger than this are written straight away instead of being gathered. */
    private static final int MAX_GATHERED = 16 * 1024;

    /** Thrown from a parser callback to stop the parse; the connection has already failed. */
    private static final class Stop extends RuntimeException {
        Stop() {
            super(null, null, false, false);
        }
    }

    private final Loop loop;
    private final TcpSocket socket;
    private final HttpClientOptions options;
    private final Owner owner;
    private final HeapCopy heap;
    private final String peer;
    private final ResponseParser parser;
    private final ArrayDeque<Exchange> waiting = new ArrayDeque<>();
    private final Runnable flush = this::flush;
    private ByteBuffer gathered = ByteBuffer.allocate(1024);
    private boolean flushQueued;
    /** No new requests: a response or request said close, or the connection failed. */
    private boolean ending;
    private boolean closed;
    private long idleSince;
    /** Loop time (ms) of the last byte read, or of the send that ended an idle spell: the read timeout counts from it. */
    private long lastActivity;
    /** Checks the read timeout; armed while requests wait, re-armed lazily so a read costs a field write, not a timer update. */
    private Timer readTimer;
    private final Runnable checkReadTimeout = this::checkReadTimeout;

    private ClientConnection(Loop loop, TcpSocket socket, HttpClientOptions options, Owner owner, HeapCopy heap) {
        this.loop = loop;
        this.socket = socket;
        this.options = options;
        this.owner = owner;
        this.heap = heap;
        InetSocketAddress remote = socket.remoteAddress();
        this.peer = remote.getAddress().getHostAddress() + ":" + remote.getPort();
        this.parser = new ResponseParser(options.parser(), this);
        this.idleSince = loop.now();
        socket.onData(this::onData);
        socket.onEnd(this::onEnd);
        socket.onError(this::onSocketError);
        socket.onClose(hadError -> onClosed());
        socket.unref(); // idle: only waiting requests keep the loop alive
    }

    /** Opens a connection to {@code host:port}, within the connect timeout. */
    static Promise<ClientConnection> open(Loop loop, String host, int port, HttpClientOptions options, Owner owner,
            HeapCopy heap) {
        Promise<ClientConnection> result = loop.promise();
        String peer = RequestEncoder.hostField(host, port);
        Timer timer = options.connectTimeout().isZero() ? null : loop.setTimeout(
                () -> result.reject(ClientErrors.connectTimeout(peer, options.connectTimeout())),
                options.connectTimeout().toMillis());
        TcpSocket.connect(loop, host, port).whenComplete((socket, error) -> {
            if (timer != null) {
                timer.close();
            }
            if (error != null) {
                result.reject(ClientErrors.connectFailed(error, peer));
            } else if (!result.isPending()) {
                socket.destroy(); // it connected after the timeout gave up on it
            } else {
                result.resolve(new ClientConnection(loop, socket, options, owner, heap));
            }
        }).onFailure(ignored -> { }); // the outcome went to result; the chained copy needs no handler
        return result;
    }

    // ---------------------------------------------------------------- sending

    @Override
    public Promise<HttpClientResponse> send(HttpClientRequest request) {
        Promise<HttpClientResponse> promise = loop.promise();
        if (!isOpen()) {
            promise.reject(ClientErrors.notOpen(peer));
            return promise;
        }
        if (waiting.isEmpty()) {
            socket.ref();
            lastActivity = loop.now();
            armReadTimer(options.readTimeout().toMillis());
        }
        waiting.add(new Exchange(request, promise));
        int length = request.encodedLength();
        if (length > MAX_GATHERED) {
            flush();
            socket.write(request.encoded());
            return promise;
        }
        if (gathered.remaining() < length) {
            ByteBuffer grown = ByteBuffer.allocate(Math.max(gathered.capacity() * 2, gathered.position() + length));
            gathered.flip();
            gathered = grown.put(gathered);
        }
        request.writeTo(gathered);
        if (!flushQueued) {
            flushQueued = true;
            loop.queueMicrotask(flush);
        }
        return promise;
    }

    private void flush() {
        flushQueued = false;
        if (gathered.position() == 0 || closed) {
            gathered.clear();
            return;
        }
        gathered.flip();
        socket.write(gathered); // what the kernel does not take now is copied to the socket's queue
        gathered.clear();
    }

    @Override
    public int inFlight() {
        return waiting.size();
    }

    @Override
    public boolean isOpen() {
        return !closed && !ending;
    }

    /** Loop time in ms when the last response finished with nothing else waiting (or the connection opened). */
    long idleSince() {
        return idleSince;
    }

    // ---------------------------------------------------------------- receiving

    private void onData(ByteBuffer data) {
        lastActivity = loop.now();
        try {
            parser.feed(heap.of(data));
        } catch (Stop stop) {
            // the connection failed inside a callback and is closed
        }
    }

    @Override
    public boolean wantsHeaders() {
        Exchange current = waiting.peek();
        return current == null || current.request.collectHeaders();
    }

    @Override
    public boolean answersHead() {
        Exchange current = waiting.peek();
        return current != null && current.request.method() == HttpMethod.HEAD;
    }

    @Override
    public void onHead(ResponseHead head) {
        Exchange current = waiting.peek();
        if (current == null) {
            failAndStop(ClientErrors.malformed(peer, "a response arrived with no request waiting"));
        }
        current.head(head);
        if (!head.keepAlive()) {
            ending = true;
        }
    }

    @Override
    public void onBody(ByteBuffer data) {
        if (!waiting.peek().body(data, options.maxResponseBodyBytes())) {
            failAndStop(ClientErrors.tooLarge(peer, options.maxResponseBodyBytes()));
        }
    }

    @Override
    public void onMessageComplete() {
        Exchange done = waiting.poll();
        HttpClientResponse response = done.response();
        if (ending) {
            failWaiting(ClientErrors.notAnswered(peer));
            socket.end(); // the server closes too; close follows
        } else if (waiting.isEmpty()) {
            idleSince = loop.now();
            socket.unref();
        }
        done.promise.resolve(response);
        if (!ending) {
            owner.available(this);
        }
    }

    @Override
    public void onError(HttpException error) {
        failAndClose(ClientErrors.malformed(peer, error.getMessage()));
    }

    private void onEnd() {
        parser.finish(); // completes a body that runs until the close, or fails a response cut short
        ending = true;
        failWaiting(ClientErrors.closed(peer, null));
    }

    private void onSocketError(Throwable error) {
        ending = true;
        failWaiting(ClientErrors.closed(peer, error));
    }

    private void armReadTimer(long delayMillis) {
        if (readTimer == null && !options.readTimeout().isZero()) {
            readTimer = loop.setTimeout(checkReadTimeout, delayMillis).unref();
        }
    }

    private void checkReadTimeout() {
        readTimer = null;
        if (waiting.isEmpty() || closed) {
            return; // the next send arms it again
        }
        long timeout = options.readTimeout().toMillis();
        long quiet = loop.now() - lastActivity;
        if (quiet >= timeout) {
            failAndClose(ClientErrors.readTimeout(peer, options.readTimeout()));
        } else {
            armReadTimer(timeout - quiet);
        }
    }

    private void onClosed() {
        closed = true;
        if (readTimer != null) {
            readTimer.close();
            readTimer = null;
        }
        ending = true;
        failWaiting(ClientErrors.closed(peer, null));
        owner.closed(this);
    }

    // ---------------------------------------------------------------- failing

    private void failAndStop(HttpClientException error) {
        failAndClose(error);
        throw new Stop();
    }

    private void failAndClose(HttpClientException error) {
        ending = true;
        failWaiting(error);
        socket.destroy();
    }

    private void failWaiting(HttpClientException error) {
        Exchange exchange;
        while ((exchange = waiting.poll()) != null) {
            exchange.promise.reject(error);
        }
        gathered.clear();
    }

    @Override
    public void close() {
        if (!closed) {
            ending = true;
            failWaiting(ClientErrors.clientClosed(peer));
            socket.destroy();
        }
    }

    // ---------------------------------------------------------------- state

    @Override
    public InetSocketAddress localAddress() {
        return socket.localAddress();
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return socket.remoteAddress();
    }

    @Override
    public long bytesRead() {
        return socket.bytesRead();
    }

    @Override
    public long bytesWritten() {
        return socket.bytesWritten();
    }

    @Override
    public String toString() {
        return "HttpClientConnection[" + peer + ", " + waiting.size() + " waiting" + (closed ? ", closed" : "") + "]";
    }
}
