package dev.spindle.bench.showdown;

import dev.spindle.load.ErrorKind;
import dev.spindle.load.LatencyInterval;
import dev.spindle.load.LoadGenerator;
import dev.spindle.load.LoadOptions;
import dev.spindle.load.LoadReport;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * Scenario 4, the queueing cascade: a client asks for {@code /block} (the serving thread or loop
 * spins on the CPU for a few seconds) and, while it spins, many new clients connect, each to make
 * one request, all due within 250 ms. Once the accept queue is full, Linux drops further SYNs
 * ({@code tcp_abort_on_overflow=0}), so clients are not refused: they retry their SYN after 1 s and
 * 3 s and, with a 2 s connect timeout, time out, or they are answered late. Run with the backlog at
 * the server's default (511) and at 128, each on a fresh server.
 */
final class CascadeScenario {

    /** The backlogs measured; 0 is the server's default. */
    static final List<Integer> BACKLOGS = List.of(0, 128);
    /** What the contract says a server's default backlog is. */
    static final int DEFAULT_BACKLOG = 511;
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    /** An answer this long after the clients started is late. */
    static final Duration LATE = Duration.ofSeconds(1);
    private static final Duration SPREAD = Duration.ofMillis(250);
    /** How long the blocking request gets to reach the server before the clients start. */
    private static final long BLOCK_HEAD_START_MILLIS = 200;

    private CascadeScenario() {}

    static void run(Bench bench, Model model) throws IOException, InterruptedException {
        for (int backlog : BACKLOGS) {
            try (ServerProcess server = bench.start(model, backlog, "cascade-" + (backlog == 0 ? "default" : backlog))) {
                measure(bench, model, server, backlog == 0 ? DEFAULT_BACKLOG : backlog);
            }
        }
    }

    private static void measure(Bench bench, Model model, ServerProcess server, int backlog)
            throws IOException, InterruptedException {
        Timings timings = bench.timings;
        // Warm the server up a little, so that its first requests are not the ones measured.
        LoadGenerator.run(LoadOptions.builder(server.url("/")).connections(8).duration(Duration.ofMillis(500)).build(),
                progress -> { });
        if (model.hasLagMonitor()) {
            Lag.read(server.url("/lag"));
        }
        int clients = timings.cascadeClients();
        long blockMs = timings.cascadeBlock().toMillis();
        LoadReport report;
        boolean blockAnswered;
        try (Socket blocker = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            blocker.getOutputStream().write(("GET /block?ms=" + blockMs + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            Thread.sleep(BLOCK_HEAD_START_MILLIS);
            report = LoadGenerator.run(LoadOptions.builder(server.url("/")).connections(clients).requests(clients)
                    .rate(clients * 1000.0 / SPREAD.toMillis()).connectTimeout(CONNECT_TIMEOUT)
                    .timeout(timings.cascadeBlock().plusSeconds(5)).timeline(Duration.ofMillis(50)).build(), progress -> { });
            blockAnswered = answered(blocker, "blocked " + blockMs + " ms");
        }
        Lag lag = model.hasLagMonitor() ? Lag.read(server.url("/lag")).orElse(null) : null;
        long late = report.timeline().stream().filter(slice -> slice.start().compareTo(LATE) >= 0)
                .mapToLong(LatencyInterval::responses).sum();
        long timedOut = report.errors(ErrorKind.TIMEOUT);
        long refused = report.errors(ErrorKind.CONNECT_REFUSED);
        long other = report.failures() - timedOut - refused + report.errors(ErrorKind.NON_2XX);
        Figures figures = Figures.of(report);
        bench.results.cascade().add(new Rows.Cascade(model.id(), backlog, clients, blockMs, report.status(200), late,
                timedOut, refused, other, figures.p50Ms(), figures.p99Ms(), figures.maxMs(), lag));
        bench.lag(model, "4 cascade, backlog " + backlog, lag);
        bench.say(String.format("  %-8s 4 cascade backlog %3d  %d clients: %d served (%d late), %d timed out, %d refused,"
                + " %d other%s", model.id(), backlog, clients, report.status(200), late, timedOut, refused, other,
                blockAnswered ? "" : "  (the /block request got no answer)"));
    }

    /** Whether the blocking request's answer arrives, ending with {@code body}, within the block plus 10 s. */
    private static boolean answered(Socket socket, String body) throws IOException {
        socket.setSoTimeout(10_000);
        InputStream in = socket.getInputStream();
        StringBuilder answer = new StringBuilder();
        try {
            while (!answer.toString().endsWith(body)) {
                int b = in.read();
                if (b < 0) {
                    return false;
                }
                answer.append((char) b);
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        }
    }
}
