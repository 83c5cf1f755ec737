package dev.spindle.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoadReportTest {

    private static Duration ms(double millis) {
        return Duration.ofNanos(Math.round(millis * 1e6));
    }

    private static final Latency LATENCY = new Latency(12_000, ms(0.08), ms(1.2), ms(0.4), ms(1.1), ms(1.3), ms(1.8),
            ms(3.25), ms(7.5), ms(12), ms(15.5));

    private static LoadReport report() {
        return new LoadReport("GET http://127.0.0.1:3000/", 64, 1, 0, 1, Duration.ofSeconds(10), 12_000,
                Map.of(200, 11_990L, 404, 10L), Map.of(ErrorKind.NON_2XX, 10L, ErrorKind.TIMEOUT, 3L),
                Map.of(ErrorKind.TIMEOUT, "no response from 127.0.0.1:3000 within 10000 ms"), LATENCY,
                3 * 1024 * 1024, 600_000, List.of(1200L, 1199L, 1201L), Duration.ofMillis(7500), List.of());
    }

    @Test
    void derivedFigures() {
        LoadReport report = report();

        assertThat(report.throughput()).isEqualTo(1200.0);
        assertThat(report.failures()).isEqualTo(3);
        assertThat(report.completed()).isEqualTo(12_003);
        assertThat(report.errors(ErrorKind.RESET)).isZero();
        assertThat(report.status(404)).isEqualTo(10);
        assertThat(report.generatorCpuPerResponse()).isEqualTo(Duration.ofNanos(625_000));
    }

    @Test
    void textShowsLatencyThroughputStatusesAndErrors() {
        String text = report().toText();

        assertThat(text).startsWith("Spindle load: GET http://127.0.0.1:3000/\n"
                + "  64 connections, pipelining 1, closed loop, 1 loop, 10.0 s\n");
        assertThat(text).containsPattern("Latency +p50 +p90 +p99 +p99\\.9 +max +mean +stdev")
                .containsPattern(" +1\\.10 ms +1\\.80 ms +3\\.25 ms +7\\.50 ms +15\\.5 ms +1\\.20 ms +400 µs")
                .contains("Throughput  12,000 responses in 10.0 s, 1,200.0 req/s")
                .contains("Per second  min 1,199, max 1,201 responses over 3 whole seconds")
                .contains("Transfer    3.00 MiB read (307 KiB/s), 586 KiB written")
                .contains("Statuses    200: 11,990, 404: 10")
                .contains("Generator   7.50 s CPU, 75% of a core, 625 µs per response")
                .contains("Errors      timeout 3, non-2xx 10")
                .contains("first timeout: no response from 127.0.0.1:3000 within 10000 ms");
    }

    @Test
    void jsonHasStableNamesAndMilliseconds() throws Exception {
        JsonNode json = new ObjectMapper().readTree(report().toJson());

        assertThat(json.get("target").asText()).isEqualTo("GET http://127.0.0.1:3000/");
        assertThat(json.get("mode").asText()).isEqualTo("closed-loop");
        assertThat(json.get("responses").asLong()).isEqualTo(12_000);
        assertThat(json.get("requestsPerSecond").asDouble()).isEqualTo(1200.0);
        assertThat(json.at("/latencyMs/p99").asDouble()).isEqualTo(3.25);
        assertThat(json.at("/latencyMs/p99_9").asDouble()).isEqualTo(7.5);
        assertThat(json.at("/latencyMs/max").asDouble()).isEqualTo(15.5);
        assertThat(json.at("/statuses/404").asLong()).isEqualTo(10);
        assertThat(json.at("/errors/timeout").asLong()).isEqualTo(3);
        assertThat(json.at("/errors/connectRefused").asLong()).isZero();
        assertThat(json.at("/errors/non2xx").asLong()).isEqualTo(10);
        assertThat(json.at("/firstErrors/timeout").asText()).contains("within 10000 ms");
        assertThat(json.get("perSecond")).hasSize(3);
        assertThat(json.get("generatorCpuSeconds").asDouble()).isEqualTo(7.5);
        assertThat(json.get("generatorCpuMicrosPerResponse").asDouble()).isEqualTo(625.0);
    }

    @Test
    void noResponsesAtAll() {
        LoadReport empty = new LoadReport("GET http://127.0.0.1:1/", 1, 1, 50, 1, Duration.ofSeconds(1), 0, Map.of(),
                Map.of(ErrorKind.CONNECT_REFUSED, 50L), Map.of(), Latency.NONE, 0, 0, List.of(), Duration.ZERO,
                List.of());

        assertThat(empty.toText()).contains("Latency     no responses", "Statuses    none", "Errors      connect refused 50",
                "constant rate 50.0 req/s");
    }
}
