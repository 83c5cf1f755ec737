package dev.spindle.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spindle.loop.Loop;
import dev.spindle.net.TcpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The generator against Spindle's server on an ephemeral port: counts, errors by kind, both modes. */
class LoadGeneratorTest {

    private static Server server;

    @BeforeAll
    static void start() {
        server = new Server();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static LoadReport run(LoadOptions options) {
        return LoadGenerator.run(options, progress -> { });
    }

    @Test
    void requestCountModeMakesExactlyThatManyRequests() {
        long before = server.requests.get();
        LoadReport report = run(LoadOptions.builder(server.url("/")).connections(8).pipelining(3).requests(1000).build());

        assertThat(report.responses()).isEqualTo(1000);
        assertThat(report.statuses()).containsExactly(java.util.Map.entry(200, 1000L));
        assertThat(report.failures()).isZero();
        assertThat(server.requests.get() - before).isEqualTo(1000);
        assertThat(report.latency().count()).isEqualTo(1000);
        assertThat(report.latency().p50()).isPositive().isLessThanOrEqualTo(report.latency().p99());
        assertThat(report.latency().p99()).isLessThanOrEqualTo(report.latency().max());
        assertThat(report.bytesRead()).isGreaterThan(1000 * "Hello, World!".length());
        assertThat(report.bytesWritten()).isGreaterThan(1000 * 20);
    }

    @Test
    void aWarmupSendsMoreButCountsExactlyTheRequestsAsked() {
        long before = server.requests.get();
        LoadReport report = run(LoadOptions.builder(server.url("/")).connections(4).warmup(Duration.ofMillis(300))
                .requests(500).build());

        assertThat(report.responses()).isEqualTo(500);
        assertThat(report.latency().count()).isEqualTo(500);
        assertThat(server.requests.get() - before).isGreaterThan(500);
        assertThat(report.generatorCpu()).isPositive();
    }

    @Test
    void answersThatArriveInTheMeasuredWindowCountEvenWhenTheyWereSentInTheWarmup() {
        // Every answer takes 300 ms; the window, 350 ms, ends before an answer to a request sent in it can arrive.
        LoadReport report = run(LoadOptions.builder(server.url("/slow")).connections(4).warmup(Duration.ofSeconds(1))
                .duration(Duration.ofMillis(350)).build());

        assertThat(report.responses()).isPositive();
        assertThat(report.latency().p50()).isGreaterThanOrEqualTo(Duration.ofMillis(Server.SLOW_MILLIS - 5));
    }

    @Test
    void requestCountSplitOverLoopsIsStillExact() {
        long before = server.requests.get();
        LoadReport report = run(LoadOptions.builder(server.url("/")).connections(5).loops(2).requests(501).build());

        assertThat(report.responses()).isEqualTo(501);
        assertThat(report.loops()).isEqualTo(2);
        assertThat(server.requests.get() - before).isEqualTo(501);
    }

    @Test
    void durationModeRunsForTheDurationAndReportsEachSecond() {
        List<LoadProgress> seen = new ArrayList<>();
        LoadReport report = LoadGenerator.run(LoadOptions.builder(server.url("/")).connections(4)
                .duration(Duration.ofMillis(1500)).build(), seen::add);

        assertThat(report.elapsed()).isBetween(Duration.ofMillis(1400), Duration.ofMillis(3000));
        assertThat(report.responses()).isPositive();
        assertThat(report.perSecond()).hasSize(1);
        assertThat(seen).isNotEmpty();
        assertThat(seen.getFirst().responses()).isPositive();
        assertThat(seen.getFirst().done().orElseThrow()).isBetween(0.5, 0.9);
    }

    @Test
    void connectRefusedAgainstAClosedPort() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        LoadReport report = run(LoadOptions.builder("http://127.0.0.1:" + port + "/").connections(2).requests(20).build());

        assertThat(report.responses()).isZero();
        assertThat(report.errors(ErrorKind.CONNECT_REFUSED)).isEqualTo(20);
        assertThat(report.failures()).isEqualTo(20);
        assertThat(report.firstErrors().get(ErrorKind.CONNECT_REFUSED)).isEqualTo("connect ECONNREFUSED 127.0.0.1:" + port);
        assertThat(report.latency()).isEqualTo(Latency.NONE);
    }

    @Test
    void non2xxAgainstAMissingRoute() {
        LoadReport report = run(LoadOptions.builder(server.url("/missing")).connections(2).requests(50).build());

        assertThat(report.responses()).isEqualTo(50);
        assertThat(report.status(404)).isEqualTo(50);
        assertThat(report.errors(ErrorKind.NON_2XX)).isEqualTo(50);
        assertThat(report.failures()).isZero();
    }

    @Test
    void timeoutsAgainstAServerThatNeverAnswers() {
        LoadReport report = run(LoadOptions.builder(server.url("/hang")).connections(2).requests(4)
                .timeout(Duration.ofMillis(200)).build());

        assertThat(report.responses()).isZero();
        assertThat(report.errors(ErrorKind.TIMEOUT)).isEqualTo(4);
        assertThat(report.firstErrors().get(ErrorKind.TIMEOUT)).contains("within 200 ms");
        assertThat(report.elapsed()).isGreaterThanOrEqualTo(Duration.ofMillis(390));
    }

    @Test
    void resetsAgainstAServerThatResetsEveryConnection() throws Exception {
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Loop loop = Loop.create();
        var keepAlive = loop.keepAlive();
        Thread thread = loop.start();
        TcpServer[] resetting = new TcpServer[1];
        loop.execute(() -> {
            resetting[0] = TcpServer.listen(loop, new InetSocketAddress("127.0.0.1", 0),
                    socket -> socket.onData(data -> socket.resetAndDestroy()));
            port.complete(resetting[0].address().getPort());
        });
        try {
            LoadReport report = run(LoadOptions.builder("http://127.0.0.1:" + port.join() + "/").connections(2).requests(10).build());

            assertThat(report.errors(ErrorKind.RESET)).isEqualTo(10);
            assertThat(report.firstErrors().get(ErrorKind.RESET)).contains("ECONNRESET");
        } finally {
            loop.execute(() -> {
                resetting[0].close();
                keepAlive.close();
            });
            thread.join(10_000);
            loop.close();
        }
    }

    @Test
    void constantRateSendsAboutTheRateAskedFor() {
        LoadReport report = run(LoadOptions.builder(server.url("/")).connections(4).rate(200)
                .duration(Duration.ofSeconds(1)).build());

        assertThat(report.responses()).isBetween(180L, 201L);
        assertThat(report.rate()).isEqualTo(200);
        assertThat(report.toText()).contains("constant rate 200.0 req/s");
    }

    @Test
    void theTimelineSlicesTheRunAndAddsUpToIt() {
        LoadReport report = run(LoadOptions.builder(server.url("/")).connections(4).loops(2).rate(400)
                .duration(Duration.ofMillis(1000)).timeline(Duration.ofMillis(100)).build());

        assertThat(report.timeline()).hasSizeBetween(9, 11);
        assertThat(report.timeline().stream().mapToLong(LatencyInterval::responses).sum()).isEqualTo(report.responses());
        for (int i = 0; i < report.timeline().size(); i++) {
            LatencyInterval slice = report.timeline().get(i);
            assertThat(slice.start()).isEqualTo(Duration.ofMillis(100L * i));
            assertThat(slice.p50()).isLessThanOrEqualTo(slice.p99());
            assertThat(slice.p99()).isLessThanOrEqualTo(slice.max());
        }
        assertThat(report.toJson()).contains("\"timeline\"", "\"startMs\" : 100.0");
    }

    @Test
    void aStallShowsInTheTimelineSliceWhereItsResponsesArrive() throws Exception {
        long before = server.requests.get();
        try (java.net.Socket spin = new java.net.Socket(InetAddress.getLoopbackAddress(), server.port())) {
            spin.getOutputStream().write("GET /spin HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (server.requests.get() == before && System.nanoTime() < deadline) {
                Thread.onSpinWait(); // until the server's loop has taken the request and spins
            }

            LoadReport report = run(LoadOptions.builder(server.url("/")).connections(2).rate(100)
                    .duration(Duration.ofMillis(1000)).timeline(Duration.ofMillis(100)).build());

            spin.setSoTimeout(5000);
            StringBuilder answer = new StringBuilder();
            while (!answer.toString().endsWith("spun")) {
                int b = spin.getInputStream().read();
                assertThat(b).as("the /spin answer, so far: " + answer).isNotNegative();
                answer.append((char) b);
            }
            assertStallShows(report);
        }
    }

    private static void assertStallShows(LoadReport report) {
        LatencyInterval worst = report.timeline().stream()
                .max(java.util.Comparator.comparing(LatencyInterval::max)).orElseThrow();
        assertThat(worst.max()).isGreaterThanOrEqualTo(Duration.ofMillis(200)); // due before the stall ended
        assertThat(worst.start()).isLessThan(Duration.ofMillis(Server.SPIN_NANOS / 1_000_000 + 200));
        assertThat(report.timeline()).last().satisfies(slice -> assertThat(slice.max()).isLessThan(worst.max()));
        assertThat(report.timeline()).allSatisfy(slice -> assertThat(slice.max()).isLessThanOrEqualTo(
                report.latency().max().plus(report.latency().max().dividedBy(50))));
    }

    @Test
    void anUnknownHostIsAClearError() {
        assertThatThrownBy(() -> run(LoadOptions.builder("http://no-such-host.invalid/").requests(1).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("unknown host: no-such-host.invalid");
    }
}
