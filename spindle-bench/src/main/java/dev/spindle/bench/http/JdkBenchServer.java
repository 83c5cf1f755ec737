package dev.spindle.bench.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The thread-per-request peer: the JDK's {@code com.sun.net.httpserver} with a fixed pool of 200
 * platform threads (Tomcat's default {@code maxThreads}). Its dispatcher thread waits on a selector
 * for a request, then hands the whole exchange to a pool thread, which reads, answers with blocking
 * writes and, for {@code /wait}, sleeps 50 ms: that is the model. Keep-alive as the JDK does it.
 *
 * <p>Two JDK settings are raised, set here unless given on the command line: {@code nodelay}
 * (off by default: Nagle's algorithm against delayed ACKs would add 40 ms to keep-alive responses)
 * and {@code maxIdleConnections} (200 by default: the 1,000-connection run would see connections
 * closed under it). {@code java -cp benchmarks.jar dev.spindle.bench.http.JdkBenchServer PORT}.
 */
public final class JdkBenchServer implements BenchServer {

    /** The request threads. */
    public static final int THREADS = 200;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService pool;

    private JdkBenchServer(HttpServer server, ExecutorService pool) {
        this.server = server;
        this.pool = pool;
    }

    public static void main(String[] args) {
        BenchServer.serve("jdk", args, JdkBenchServer::start, System.out);
    }

    /** Starts the server on {@code port} with its 200 request threads. */
    public static JdkBenchServer start(int port) {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS, Thread.ofPlatform().name("jdk-bench-", 0).factory());
        return start(port, BenchRoutes.BACKLOG, pool, JdkBenchServer::handle);
    }

    /**
     * Starts a JDK server on {@code port} whose every exchange runs {@code handler} on {@code pool}
     * (closed with the server), with {@code backlog} given to {@code listen(2)}.
     */
    public static JdkBenchServer start(int port, int backlog, ExecutorService pool, HttpHandler handler) {
        // Read once, when the JDK's server classes load: only the first server of a JVM sees these.
        setUnlessGiven("sun.net.httpserver.nodelay", "true");
        setUnlessGiven("sun.net.httpserver.maxIdleConnections", "10000");
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(BenchRoutes.HOST, port), backlog);
            server.createContext("/", handler);
            server.setExecutor(pool);
            server.start();
            return new JdkBenchServer(server, pool);
        } catch (IOException e) {
            pool.shutdownNow();
            throw new UncheckedIOException(e);
        }
    }

    private static void setUnlessGiven(String name, String value) {
        if (System.getProperty(name) == null) {
            System.setProperty(name, value);
        }
    }

    private static void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            switch (exchange.getRequestURI().getPath()) {
                case BenchRoutes.PLAINTEXT -> send(exchange, "text/plain; charset=utf-8", BenchRoutes.HELLO_BYTES);
                case BenchRoutes.JSON -> send(exchange, "application/json; charset=utf-8",
                        JSON.writeValueAsBytes(BenchRoutes.Message.HELLO));
                case BenchRoutes.WAIT -> {
                    sleep(BenchRoutes.WAIT_MILLIS);
                    send(exchange, "text/plain; charset=utf-8", BenchRoutes.HELLO_BYTES);
                }
                default -> exchange.sendResponseHeaders(404, -1);
            }
        }
    }

    private static void sleep(long millis) throws IOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static void send(HttpExchange exchange, String type, byte[] body) throws IOException {
        send(exchange, 200, type, body);
    }

    /** Answers {@code exchange} with {@code status} and a non-empty {@code body} of {@code type}. */
    public static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
