package dev.spindle.http.internal.server;

import dev.spindle.http.HttpServer;
import dev.spindle.http.HttpServerOptions;
import dev.spindle.http.internal.ParserScratch;
import dev.spindle.http.internal.routing.RouteTable;
import dev.spindle.loop.Loop;
import dev.spindle.loop.Promise;
import dev.spindle.loop.Timer;
import dev.spindle.loop.spi.LoopSpi;
import dev.spindle.net.TcpServer;
import dev.spindle.net.TcpServerOptions;
import dev.spindle.net.TcpSocket;
import dev.spindle.net.TcpSocketOptions;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The HTTP server: a {@link TcpServer} whose connections each get an {@link HttpConnection}, a
 * sweep that enforces the connections' deadlines (as Node's {@code connectionsCheckingInterval},
 * so no timer is created per request), and graceful shutdown.
 */
public final class HttpServerImpl implements HttpServer, ServerContext.ConnectionTracker {

    private final Loop loop;
    private final HttpServerOptions options;
    private final Set<HttpConnection> connections = new LinkedHashSet<>();
    private final ServerContext context;
    private TcpServer tcp;
    private Timer sweep;
    private Promise<Void> closed;
    private Timer shutdownDeadline;

    private HttpServerImpl(Loop loop, HttpServerOptions options, RouteTable routes) {
        this.loop = loop;
        this.options = options;
        this.context = new ServerContext(loop, LoopSpi.of(loop), options, routes, new DateCache(), new ParserScratch(), this);
    }

    /** Binds and starts accepting; fails at once when the address cannot be bound. */
    public static HttpServer listen(Loop loop, HttpServerOptions options, RouteTable routes) {
        HttpServerImpl server = new HttpServerImpl(loop, options, routes);
        TcpServerOptions tcpOptions = TcpServerOptions.builder()
                .backlog(options.backlog())
                .reusePort(options.reusePort())
                .maxConnections(options.maxConnections())
                // Half-open: a client that ends its side after a request still gets the response;
                // the connection decides when to close (HttpConnection.onEnd).
                .socketOptions(TcpSocketOptions.builder().allowHalfOpen(true).build())
                .build();
        server.tcp = TcpServer.listen(loop, new InetSocketAddress(literal(options.host()), options.port()), tcpOptions,
                server::accept);
        server.sweep = loop.setInterval(server::checkDeadlines, options.timeoutCheckInterval().toMillis()).unref();
        return server;
    }

    /** The host as an address without a DNS lookup: listening must not block the loop. */
    private static InetAddress literal(String host) {
        if (host.equals("localhost")) {
            return InetAddress.getLoopbackAddress();
        }
        try {
            return InetAddress.ofLiteral(host);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("listen needs an IP address (or localhost), not a name to resolve: " + host, e);
        }
    }

    private void accept(TcpSocket socket) {
        if (closed != null) {
            socket.destroy();
            return;
        }
        new HttpConnection(context, new TcpTransport(socket));
    }

    private void checkDeadlines() {
        long now = loop.now();
        for (HttpConnection connection : new ArrayList<>(connections)) {
            connection.checkDeadline(now);
        }
    }

    @Override
    public void opened(HttpConnection connection) {
        connections.add(connection);
    }

    @Override
    public void closed(HttpConnection connection) {
        connections.remove(connection);
        if (closed != null && connections.isEmpty()) {
            finishClose();
        }
    }

    @Override
    public InetSocketAddress address() {
        return tcp.address();
    }

    @Override
    public int connections() {
        return connections.size();
    }

    @Override
    public Promise<Void> close() {
        return close(options.shutdownTimeout());
    }

    @Override
    public Promise<Void> close(Duration deadline) {
        if (closed != null) {
            return closed;
        }
        closed = loop.promise();
        tcp.close();
        if (connections.isEmpty()) {
            finishClose();
            return closed;
        }
        shutdownDeadline = loop.setTimeout(this::destroyRemaining, Math.max(1, deadline.toMillis()));
        for (HttpConnection connection : new ArrayList<>(connections)) {
            connection.shutdown();
        }
        return closed;
    }

    private void destroyRemaining() {
        for (HttpConnection connection : new ArrayList<>(connections)) {
            connection.closeNow();
        }
    }

    private void finishClose() {
        sweep.close();
        if (shutdownDeadline != null) {
            shutdownDeadline.close();
        }
        closed.resolve(null);
    }

    @Override
    public HttpServer unref() {
        tcp.unref();
        return this;
    }

    @Override
    public HttpServer ref() {
        tcp.ref();
        return this;
    }

    @Override
    public String toString() {
        return "HttpServer[" + tcp.address() + ", " + connections.size() + " connections]";
    }
}
