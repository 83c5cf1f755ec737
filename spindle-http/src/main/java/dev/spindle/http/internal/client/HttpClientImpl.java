package dev.spindle.http.internal.client;

import dev.spindle.http.HttpClient;
import dev.spindle.http.HttpClientConnection;
import dev.spindle.http.HttpClientOptions;
import dev.spindle.http.HttpClientRequest;
import dev.spindle.http.HttpClientResponse;
import dev.spindle.loop.Loop;
import dev.spindle.loop.Promise;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** The client: a pool per origin, plus the connections handed to callers, so {@link #close()} reaches all. */
public final class HttpClientImpl implements HttpClient {

    private final Loop loop;
    private final HttpClientOptions options;
    private final HeapCopy heap = new HeapCopy();
    private final Map<String, OriginPool> pools = new HashMap<>();
    private final Set<ClientConnection> own = new LinkedHashSet<>();
    private final ClientConnection.Owner ownOwner = new ClientConnection.Owner() {
        @Override
        public void available(ClientConnection connection) {}

        @Override
        public void closed(ClientConnection connection) {
            own.remove(connection);
        }
    };
    private boolean closed;

    public HttpClientImpl(Loop loop, HttpClientOptions options) {
        this.loop = Objects.requireNonNull(loop, "loop");
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public Promise<HttpClientResponse> send(HttpClientRequest request) {
        if (closed) {
            Promise<HttpClientResponse> refused = loop.promise();
            refused.reject(ClientErrors.clientClosed(request.origin()));
            return refused;
        }
        return pools.computeIfAbsent(request.origin(), origin -> new OriginPool(loop, request.host(), request.port(), options, heap))
                .send(request);
    }

    @Override
    public Promise<HttpClientConnection> connect(String host, int port) {
        Promise<HttpClientConnection> result = loop.promise();
        if (closed) {
            result.reject(ClientErrors.clientClosed(RequestEncoder.hostField(host, port)));
            return result;
        }
        ClientConnection.open(loop, host, port, options, ownOwner, heap).whenComplete((connection, error) -> {
            if (error != null) {
                result.reject(error);
            } else if (closed) {
                connection.close();
                result.reject(ClientErrors.clientClosed(RequestEncoder.hostField(host, port)));
            } else {
                own.add(connection);
                result.resolve(connection);
            }
        }).onFailure(ignored -> { });
        return result;
    }

    @Override
    public int connections() {
        int total = own.size();
        for (OriginPool pool : pools.values()) {
            total += pool.connections();
        }
        return total;
    }

    @Override
    public HttpClientOptions options() {
        return options;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (OriginPool pool : pools.values()) {
            pool.close();
        }
        for (ClientConnection connection : List.copyOf(own)) {
            connection.close();
        }
    }
}
