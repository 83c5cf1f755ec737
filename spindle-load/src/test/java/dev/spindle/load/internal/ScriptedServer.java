package dev.spindle.load.internal;

import dev.spindle.http.HttpClientConnection;
import dev.spindle.http.HttpClientRequest;
import dev.spindle.http.HttpClientResponse;
import dev.spindle.http.HttpVersion;
import dev.spindle.loop.Loop;
import dev.spindle.loop.Promise;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * A server made of loop timers, for runs under a virtual clock: it serves one request at a time in
 * arrival order, each in {@code serviceMillis}, and serves nothing from {@code stallFrom} until
 * {@code stallUntil} (a garbage-collection pause, a blocked loop). Its connections are the engine's.
 */
final class ScriptedServer implements Connector {

    private static final HttpClientResponse OK = new HttpClientResponse(HttpVersion.HTTP_1_1, 200, "OK", List.of(), new byte[0]);

    private final Loop loop;
    private final long serviceMillis;
    private final long stallFrom;
    private final long stallUntil;
    private long freeAt;
    int requests;

    ScriptedServer(Loop loop, long serviceMillis, long stallFrom, long stallUntil) {
        this.loop = loop;
        this.serviceMillis = serviceMillis;
        this.stallFrom = stallFrom;
        this.stallUntil = stallUntil;
    }

    @Override
    public Promise<HttpClientConnection> connect() {
        Promise<HttpClientConnection> connected = loop.promise();
        connected.resolve(new Connection());
        return connected;
    }

    /** When a request that arrives now is answered. */
    private long answerAt(long arrival) {
        long start = Math.max(arrival, freeAt);
        if (start >= stallFrom && start < stallUntil) {
            start = stallUntil;
        }
        freeAt = start + serviceMillis;
        return freeAt;
    }

    private final class Connection implements HttpClientConnection {
        private int inFlight;

        @Override
        public Promise<HttpClientResponse> send(HttpClientRequest request) {
            requests++;
            inFlight++;
            Promise<HttpClientResponse> response = loop.promise();
            long now = loop.now();
            loop.setTimeout(() -> {
                inFlight--;
                response.resolve(OK);
            }, answerAt(now) - now);
            return response;
        }

        @Override
        public int inFlight() {
            return inFlight;
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public InetSocketAddress localAddress() {
            return new InetSocketAddress(0);
        }

        @Override
        public InetSocketAddress remoteAddress() {
            return new InetSocketAddress(0);
        }

        @Override
        public long bytesRead() {
            return 0;
        }

        @Override
        public long bytesWritten() {
            return 0;
        }

        @Override
        public void close() {}
    }
}
