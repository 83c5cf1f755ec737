package dev.spindle.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code GET /status}, the dashboard page, and its event stream, over real sockets. */
class StatusAndDashboardTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static MonitoredServer server;

    @BeforeAll
    static void start() {
        server = MonitoredServer.start(MonitorOptions.DEFAULTS, app -> app
                .get("/", (req, res) -> res.send("ok"))
                .get("/block", (req, res) -> {
                    Spin.blockTheLoopFor(Duration.ofMillis(150));
                    res.send("done");
                }));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static void awaitBlockReported() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (server.monitor.blocked().isEmpty() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(server.monitor.blocked()).isNotEmpty();
    }

    @Test
    void statusIsJsonWithEverySection() throws Exception {
        assertThat(Http.get(server.port(), "/").status()).isEqualTo(200);
        Http response = Http.get(server.port(), "/status");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
        JsonNode status = JSON.readTree(response.body());
        assertThat(status.fieldNames()).toIterable()
                .contains("uptimeSeconds", "lag", "utilization", "loop", "watchdog", "pools", "http", "jvm");
        assertThat(status.at("/lag/resolutionMs").asInt()).isEqualTo(10);
        assertThat(status.at("/lag/window/count").asLong()).isPositive();
        assertThat(status.at("/lag/sinceReset").has("p999Ms")).isTrue();
        assertThat(status.at("/utilization/total").asDouble()).isBetween(0.0, 1.0);
        assertThat(status.at("/loop/phaseSeconds").has("poll")).isTrue();
        assertThat(status.at("/watchdog/thresholdMs").asInt()).isEqualTo(100);
        assertThat(status.at("/pools/0/name").asText()).isEqualTo("blocking");
        assertThat(status.at("/http/shedding/enabled").asBoolean()).isFalse();
        assertThat(status.at("/http/routes")).anySatisfy(route -> {
            assertThat(route.get("route").asText()).isEqualTo("GET /");
            assertThat(route.at("/statuses/200").asLong()).isPositive();
        });
        assertThat(status.at("/jvm/heapUsed").asLong()).isPositive();
    }

    @Test
    void theDashboardIsOneSelfContainedPage() throws Exception {
        Http page = Http.get(server.port(), "/_spindle");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).isEqualTo("text/html; charset=utf-8");
        assertThat(page.body())
                .contains("<canvas id=\"lag-chart\"", "<table id=\"blocked\"", "new EventSource(")
                .doesNotContain("http://", "https://", "<script src", "<link ", "@import", "url(");
        assertThat(Http.get(server.port(), "/_spindle/").status()).as("with a trailing slash too").isEqualTo(200);
    }

    @Test
    void theEventStreamSendsASnapshotThenATickEverySecond() throws Exception {
        assertThat(Http.get(server.port(), "/block").status()).isEqualTo(200);
        awaitBlockReported();
        try (EventStream stream = new EventStream(server.port(), "/_spindle/events")) {
            assertThat(stream.status).isEqualTo(200);
            assertThat(stream.headLines).contains("content-type: text/event-stream; charset=utf-8",
                    "transfer-encoding: chunked");

            EventStream.Event snapshot = stream.next();
            assertThat(snapshot.name()).isEqualTo("snapshot");
            JsonNode first = JSON.readTree(snapshot.data());
            assertThat(first.get("history").isArray()).isTrue();
            assertThat(first.at("/blocked/0/label").asText()).isEqualTo("GET /block");
            assertThat(first.at("/blocked/0/stack/0").asText()).contains("Spin.blockTheLoopFor");
            assertThat(first.at("/totals/blocks").asLong()).isEqualTo(1);

            long start = System.nanoTime();
            EventStream.Event tick = stream.next();
            EventStream.Event second = stream.next();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2_900));
            assertThat(tick.name()).isEqualTo("tick");
            assertThat(second.name()).isEqualTo("tick");
            JsonNode point = JSON.readTree(second.data()).get("point");
            assertThat(point.fieldNames()).toIterable()
                    .contains("t", "lagP50Ms", "lagP99Ms", "lagMaxMs", "utilization", "rps", "shed", "poolQueue");
        }
    }
}
