package dev.spindle.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Load shedding on real sockets: while a handler holds the loop, requests pile up in the kernel;
 * once it lets go, they are answered 503 at once (health checks excepted) instead of being served
 * behind the stall.
 */
class SheddingTest {

    private static final Duration BLOCK = Duration.ofMillis(400);

    private final CountDownLatch blocking = new CountDownLatch(1);

    private MonitoredServer start(MonitorOptions options) {
        return MonitoredServer.start(options, app -> app
                .get("/", (req, res) -> res.send("ok"))
                .get("/health", (req, res) -> res.send("healthy"))
                .get("/block", (req, res) -> {
                    blocking.countDown();
                    Spin.blockTheLoopFor(BLOCK);
                    res.send("done");
                }));
    }

    /** Connects and sends a GET now; the response is read later, by {@link #read}. */
    private static Socket send(int port, String path) throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(30_000);
        OutputStream out = socket.getOutputStream();
        out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        return socket;
    }

    private static Http read(Socket socket) throws IOException {
        try (socket) {
            return Http.read(socket.getInputStream());
        }
    }

    private record Timed(Http response, long atNanos) {}

    private static Timed readTimed(Socket socket) throws IOException {
        Http response = read(socket);
        return new Timed(response, System.nanoTime());
    }

    @Test
    void requestsThatQueuedBehindAStallAreShedAtOnceAndHealthChecksPass() throws Exception {
        MonitorOptions options = MonitorOptions.builder()
                .shedding(SheddingOptions.builder().alwaysAllow("/health").build())
                .build();
        try (MonitoredServer server = start(options)) {
            assertThat(Http.get(server.port(), "/").status()).isEqualTo(200);

            CompletableFuture<Timed> blocker = CompletableFuture.supplyAsync(() -> {
                try {
                    return readTimed(send(server.port(), "/block"));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(blocking.await(10, TimeUnit.SECONDS)).isTrue();
            // The loop is held now: these wait in the kernel until it lets go.
            Socket queued = send(server.port(), "/");
            Socket health = send(server.port(), "/health");
            Socket metrics = send(server.port(), "/metrics");

            Timed shed = readTimed(queued);
            Timed blocked = blocker.get(10, TimeUnit.SECONDS);
            assertThat(blocked.response().status()).isEqualTo(200);
            assertThat(shed.response().status()).isEqualTo(503);
            assertThat(shed.response().header("Retry-After")).isEqualTo("1");
            assertThat(shed.response().body()).contains("under pressure (lag)");
            assertThat(Duration.ofNanos(shed.atNanos() - blocked.atNanos()))
                    .as("the 503 follows the stall at once").isLessThan(Duration.ofMillis(300));
            assertThat(read(health).status()).isEqualTo(200);
            assertThat(read(metrics).status()).as("the monitor's own routes always pass").isEqualTo(200);

            // The window moves past the stall: requests are served again.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            int status;
            do {
                status = Http.get(server.port(), "/").status();
            } while (status == 503 && System.nanoTime() < deadline);
            assertThat(status).isEqualTo(200);

            Prometheus metricsNow = Prometheus.parse(Http.get(server.port(), "/metrics").body());
            assertThat(metricsNow.value("spindle_http_shed_total", "reason", "lag")).isGreaterThanOrEqualTo(1);
            assertThat(metricsNow.value("spindle_http_requests_total", "route", "GET /", "status", "503"))
                    .isGreaterThanOrEqualTo(1);
            assertThat(metricsNow.value("spindle_http_requests_total", "route", "GET /health", "status", "200"))
                    .isEqualTo(1);
            assertThat(server.monitor.shedRequests()).isGreaterThanOrEqualTo(1);
        }
    }

    @Test
    void aBusyLoopIsShedOnUtilizationAlone() throws Exception {
        MonitorOptions options = MonitorOptions.builder()
                .shedding(SheddingOptions.builder().maxEventLoopLag(Duration.ZERO).maxUtilization(0.5).build())
                .build();
        try (MonitoredServer server = MonitoredServer.start(options, app -> app
                .get("/", (req, res) -> res.send("ok"))
                .get("/busy", (req, res) -> {
                    blocking.countDown();
                    Spin.blockTheLoopFor(Duration.ofMillis(1_200)); // longer than the 1 s window, so it is all busy
                    res.send("done");
                }))) {
            CompletableFuture<Http> busy = CompletableFuture.supplyAsync(() -> {
                try {
                    return read(send(server.port(), "/busy"));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(blocking.await(10, TimeUnit.SECONDS)).isTrue();
            Socket queued = send(server.port(), "/");
            Http shed = read(queued);
            assertThat(busy.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
            assertThat(shed.status()).isEqualTo(503);
            assertThat(shed.body()).contains("(utilization)");
            assertThat(Prometheus.parse(Http.get(server.port(), "/metrics").body())
                    .value("spindle_http_shed_total", "reason", "utilization")).isEqualTo(1);
        }
    }

    @Test
    void aHeapPastItsLimitShedsEverythingButTheAllowedPaths() throws Exception {
        MonitorOptions options = MonitorOptions.builder()
                .shedding(SheddingOptions.builder().maxHeapUsedBytes(1).alwaysAllow("/health").build())
                .build();
        try (MonitoredServer server = start(options)) {
            Http shed = Http.get(server.port(), "/");
            assertThat(shed.status()).isEqualTo(503);
            assertThat(shed.body()).contains("(heap)");
            assertThat(Http.get(server.port(), "/health").status()).isEqualTo(200);
            assertThat(Http.get(server.port(), "/health/deep").status()).as("below an allowed path").isEqualTo(404);
            assertThat(Http.get(server.port(), "/healthz").status()).as("not below /health").isEqualTo(503);
            assertThat(server.monitor.shedRequests()).isEqualTo(2);
        }
    }

    @Test
    void sheddingIsOffByDefault() throws Exception {
        try (MonitoredServer server = start(MonitorOptions.DEFAULTS)) {
            CompletableFuture<Http> blocker = CompletableFuture.supplyAsync(() -> {
                try {
                    return read(send(server.port(), "/block"));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(blocking.await(10, TimeUnit.SECONDS)).isTrue();
            Socket queued = send(server.port(), "/");
            assertThat(read(queued).status()).isEqualTo(200);
            assertThat(blocker.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
            assertThat(server.monitor.shedRequests()).isZero();
        }
    }
}
