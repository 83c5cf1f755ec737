package dev.spindle.http.internal.client;

import dev.spindle.http.HttpClientOptions;
import dev.spindle.http.HttpClientRequest;
import dev.spindle.http.HttpClientResponse;
import dev.spindle.loop.Loop;
import dev.spindle.loop.Promise;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The pooled connections to one {@code host:port}. A request takes an idle connection (the one
 * idle longest is closed instead once past the idle timeout), else opens a new one while under the
 * limit, else pipelines behind the least busy connection with room, else waits in line.
 */
final class OriginPool implements ClientConnection.Owner {

    /** A request waiting for a connection. */
    private record Waiter(HttpClientRequest request, Promise<HttpClientResponse> promise) {}

    private final Loop loop;
    private final String host;
    private final int port;
    private final HttpClientOptions options;
    private final HeapCopy heap;
    private final List<ClientConnection> connections = new ArrayList<>();
    private final ArrayDeque<Waiter> waiters = new ArrayDeque<>();
    private int connecting;
    private boolean closed;

    OriginPool(Loop loop, String host, int port, HttpClientOptions options, HeapCopy heap) {
        this.loop = loop;
        this.host = host;
        this.port = port;
        this.options = options;
        this.heap = heap;
    }

    Promise<HttpClientResponse> send(HttpClientRequest request) {
        ClientConnection idle = idleConnection();
        if (idle != null) {
            return idle.send(request);
        }
        if (connections.size() + connecting >= options.maxConnectionsPerOrigin()) {
            ClientConnection busy = leastBusy();
            if (busy != null) {
                return busy.send(request);
            }
        }
        Waiter waiter = new Waiter(request, loop.promise());
        waiters.add(waiter);
        if (connections.size() + connecting < options.maxConnectionsPerOrigin()) {
            open();
        }
        return waiter.promise;
    }

    int connections() {
        return connections.size();
    }

    private ClientConnection idleConnection() {
        long now = loop.now();
        long maxIdle = options.idleTimeout().toMillis();
        for (int i = connections.size() - 1; i >= 0; i--) {
            ClientConnection connection = connections.get(i);
            if (connection.isOpen() && connection.inFlight() == 0) {
                if (now - connection.idleSince() < maxIdle) {
                    return connection;
                }
                connection.close(); // too old: the server may be closing it right now
            }
        }
        return null;
    }

    private ClientConnection leastBusy() {
        ClientConnection best = null;
        for (ClientConnection connection : connections) {
            if (connection.isOpen() && connection.inFlight() < options.pipelining()
                    && (best == null || connection.inFlight() < best.inFlight())) {
                best = connection;
            }
        }
        return best;
    }

    private void open() {
        connecting++;
        ClientConnection.open(loop, host, port, options, this, heap).whenComplete((connection, error) -> {
            connecting--;
            if (error != null) {
                failWaitersIfNoHope(error);
            } else if (closed) {
                connection.close();
            } else {
                connections.add(connection);
                available(connection);
            }
        }).onFailure(ignored -> { });
    }

    /** A connect failed: the waiters fail too unless another connection may still serve them. */
    private void failWaitersIfNoHope(Throwable error) {
        if (connections.isEmpty() && connecting == 0) {
            Waiter waiter;
            while ((waiter = waiters.poll()) != null) {
                waiter.promise.reject(error);
            }
        }
    }

    @Override
    public void available(ClientConnection connection) {
        while (!waiters.isEmpty() && connection.isOpen() && connection.inFlight() < options.pipelining()) {
            Waiter waiter = waiters.poll();
            connection.send(waiter.request).whenComplete((response, error) -> {
                if (error != null) {
                    waiter.promise.reject(error);
                } else {
                    waiter.promise.resolve(response);
                }
            }).onFailure(ignored -> { });
        }
    }

    @Override
    public void closed(ClientConnection connection) {
        connections.remove(connection);
        if (!waiters.isEmpty() && !closed && connections.size() + connecting < options.maxConnectionsPerOrigin()) {
            open(); // the waiters still need a connection
        }
    }

    void close() {
        closed = true;
        for (ClientConnection connection : List.copyOf(connections)) {
            connection.close();
        }
        Waiter waiter;
        while ((waiter = waiters.poll()) != null) {
            waiter.promise.reject(ClientErrors.clientClosed(RequestEncoder.hostField(host, port)));
        }
    }
}
