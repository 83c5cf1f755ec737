package dev.spindle.bench.showdown.servers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The contract's checks of one model, over real sockets on 127.0.0.1, shared by the in-process
 * Java models' tests and the JS script's: every route, the block that does or does not hold the
 * other requests, {@code /lag}'s shape and reset, and the listen backlog as the kernel reports it.
 */
final class ShowdownChecks implements AutoCloseable {

    /** How long {@code /block} spins in the blocking check: far above scheduling noise. */
    static final long BLOCK_MILLIS = 400;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    ShowdownChecks(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(request(path), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpRequest request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20)).GET().build();
    }

    /** Every route but {@code /lag} answers as the contract says. */
    void answersEveryRoute() throws Exception {
        assertText(get("/"), 200, "Hello, World!");

        long sent = System.nanoTime();
        HttpResponse<String> timeline = get("/timeline");
        long timelineMillis = (System.nanoTime() - sent) / 1_000_000;
        assertThat(timeline.statusCode()).isEqualTo(200);
        assertThat(timeline.body()).isEqualTo("{\"user\":42,\"name\":\"Ada\",\"stages\":[\"parse\",\"auth\",\"db\",\"format\"]}");
        assertThat(timeline.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(timelineMillis).as("the timeline's 1 + 2 + 50 + 1 ms of waits").isGreaterThanOrEqualTo(54);

        assertText(get("/compute?n=1000"), 200, "Result: 499500");
        assertText(get("/compute/worker?n=1000"), 200, "Result: 499500");
        assertText(get("/compute/worker?n=100000"), 200, "Result: 4999950000");
        assertText(get("/compute?n=0"), 200, "Result: 0");
        assertText(get("/block?ms=5"), 200, "blocked 5 ms");
        assertThat(get("/compute?n=x").statusCode()).isEqualTo(400);
        assertThat(get("/nowhere").statusCode()).isEqualTo(404);
        assertThat(get("/compute/elsewhere").statusCode()).isEqualTo(404);
    }

    private static void assertText(HttpResponse<String> response, int status, String body) {
        assertThat(response.statusCode()).as(response.uri().toString()).isEqualTo(status);
        assertThat(response.body()).isEqualTo(body);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/plain"));
    }

    /**
     * Sends {@code /block} on one connection and {@code GET /} after {@code GET /} on another until
     * the block is answered; returns the slowest {@code GET /} in milliseconds. A loop model answers
     * nothing while it spins, so one of them waits out the block; a thread model answers them all
     * on other threads meanwhile.
     */
    long slowestHelloDuringBlock() throws Exception {
        CompletableFuture<HttpResponse<String>> block = client.sendAsync(
                request("/block?ms=" + BLOCK_MILLIS), HttpResponse.BodyHandlers.ofString());
        List<Long> millis = new ArrayList<>();
        while (!block.isDone()) {
            long sent = System.nanoTime();
            assertThat(get("/").body()).isEqualTo("Hello, World!");
            millis.add((System.nanoTime() - sent) / 1_000_000);
        }
        assertThat(block.join().body()).isEqualTo("blocked " + BLOCK_MILLIS + " ms");
        return millis.stream().mapToLong(Long::longValue).max().orElseThrow();
    }

    /**
     * {@code /lag} is JSON of the contract's five numbers, and reading it resets the histogram. No
     * read comes just before the block: Node's histogram drops the first probe interval after a
     * reset, which would be the block's.
     */
    void lagReportsAndResets() throws Exception {
        assertThat(get("/block?ms=200").statusCode()).isEqualTo(200);
        JsonNode afterBlock = lag();
        assertThat(afterBlock.get("max_ms").asDouble()).as("the 200 ms block, seen by the probe: " + afterBlock)
                .isGreaterThanOrEqualTo(100);
        assertThat(afterBlock.get("count").asLong()).isPositive();
        JsonNode afterReset = lag();
        assertThat(afterReset.get("max_ms").asDouble()).as("reset after the last read: " + afterReset).isLessThan(100);
    }

    private JsonNode lag() throws Exception {
        HttpResponse<String> response = get("/lag");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode lag = JSON.readTree(response.body());
        assertThat(lag.fieldNames()).toIterable().containsExactlyInAnyOrder("p50_ms", "p99_ms", "max_ms", "mean_ms", "count");
        for (String field : List.of("p50_ms", "p99_ms", "max_ms", "mean_ms", "count")) {
            assertThat(lag.get(field).isNumber()).as(field + " in " + lag).isTrue();
            assertThat(lag.get(field).asDouble()).as(field).isGreaterThanOrEqualTo(0);
        }
        return lag;
    }

    /** The accept queue length of the socket listening on {@code port}, as {@code ss} reports it (its Send-Q). */
    static int listenBacklog(int port) throws Exception {
        Process ss;
        try {
            ss = new ProcessBuilder("ss", "-Hltn", "sport = :" + port).redirectErrorStream(true).start();
        } catch (IOException e) {
            assumeTrue(false, "ss (iproute2) is not on the PATH: " + e.getMessage());
            throw e;
        }
        String out = new String(ss.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(ss.waitFor()).as(out).isZero();
        String[] fields = out.split("\\s+");
        assertThat(fields).as(out).hasSizeGreaterThan(3);
        return Integer.parseInt(fields[2]);
    }

    @Override
    public void close() {
        client.close();
    }
}
