package dev.spindle.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spindle.cli.CliRun;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code spindle load} in-process, against a Spindle server on an ephemeral port. */
class LoadCommandTest {

    private static EchoServer server;

    @BeforeAll
    static void start() {
        server = new EchoServer();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void printsAReportOfARequestCountRun() {
        CliRun run = CliRun.execute("load", server.url("/"), "-n", "200", "-c", "4");

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).startsWith("Spindle load: GET " + server.url("/") + " with 4 connections, 200 requests\n");
        assertThat(run.out()).startsWith("Spindle load: GET " + server.url("/") + "\n  4 connections, pipelining 1, closed loop, 1 loop")
                .containsPattern("Latency +p50 +p90 +p99 +p99\\.9 +max")
                .contains("Throughput  200 responses in ")
                .contains("Statuses    200: 200")
                .contains("Errors      none");
    }

    @Test
    void printsJsonWithOnlyTheReportOnStandardOutput() throws Exception {
        CliRun run = CliRun.execute("load", server.url("/"), "--requests", "50", "--json");

        assertThat(run.exitCode()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("responses").asLong()).isEqualTo(50);
        assertThat(json.at("/statuses/200").asLong()).isEqualTo(50);
        assertThat(json.at("/latencyMs/p99").asDouble()).isPositive();
        assertThat(run.err()).isEmpty();
    }

    @Test
    void sendsTheMethodHeadersAndBodyAsked() {
        int before = server.seen.size();
        CliRun run = CliRun.execute("load", server.url("/echo"), "-n", "6", "-c", "2", "-p", "3", "-m", "post",
                "-H", "X-Test: yes", "-b", "hello", "--timeout", "5s", "--connect-timeout", "2s", "--warmup", "100ms");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("with 2 connections, 100 ms of warm-up, 6 requests");
        assertThat(server.seen.subList(before, server.seen.size())).hasSizeGreaterThan(6).containsOnly("POST /echo yes hello");
        assertThat(run.out()).contains("2 connections, pipelining 3", "Statuses    200: 6");
    }

    @Test
    void aTimedConstantRateRunPrintsAPlainLinePerSecondWhenNotOnATerminal() {
        CliRun run = CliRun.execute("load", server.url("/"), "-R", "200", "-d", "1.3s", "-c", "2");

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).contains("with 2 connections for 1300 ms at 200.0 req/s")
                .containsPattern("(?m)^  1\\.0 s: [\\d,]+ responses, [\\d,]+/s, 0 errors$");
        assertThat(run.out()).contains("constant rate 200.0 req/s (latency from when each request was due)");
    }

    @Test
    void aRefusedPortIsReportedNotThrown() throws Exception {
        int port;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        CliRun run = CliRun.execute("load", "http://127.0.0.1:" + port + "/", "-n", "5", "-c", "1");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Latency     no responses", "Errors      connect refused 5",
                "first connect refused: connect ECONNREFUSED 127.0.0.1:" + port);
    }

    @Test
    void usageErrors() {
        assertThat(CliRun.execute("load").err()).startsWith("spindle: Missing required parameter: 'URL'");
        CliRun https = CliRun.execute("load", "https://example.com/");
        assertThat(https.exitCode()).isEqualTo(2);
        assertThat(https.err()).startsWith("spindle: https: URLs are not supported, only http:");
        assertThat(CliRun.execute("load", server.url("/"), "-H", "no colon").err())
                .startsWith("spindle: header 'no colon' is not 'NAME: VALUE'");
        assertThat(CliRun.execute("load", server.url("/"), "-d", "10x").err())
                .startsWith("spindle: Invalid value for option '--duration': '10x' is not a duration");
        assertThat(CliRun.execute("load", server.url("/"), "-m", "FETCH").err()).startsWith("spindle: unknown method 'FETCH'");
        assertThat(CliRun.execute("load", server.url("/"), "-c", "2", "--loops", "3").err())
                .startsWith("spindle: loops must be from 1 to the number of connections (2), was 3");
    }

    @Test
    void anUnknownHostFailsWithOneLine() {
        CliRun run = CliRun.execute("load", "http://no-such-host.invalid/", "-n", "1");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).endsWith("spindle: unknown host: no-such-host.invalid\n");
    }

    @Test
    void helpListsTheOptions() {
        CliRun run = CliRun.execute("help", "load");

        assertThat(run.out()).contains("Usage: spindle load", "--connections=N", "--duration=TIME", "--requests=N",
                "--pipelining=N", "--rate=REQ/S", "--header='NAME: VALUE'", "--json", "--warmup=TIME");
    }
}
