package dev.spindle.bench.showdown;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * Event-loop lag as a model's own monitor reports it ({@code GET /lag}: Spindle's LoopMonitor,
 * Node's, Bun's and Deno's {@code monitorEventLoopDelay}); each read resets the monitor, so a read
 * before a run clears it and a read after gives that run's lag.
 *
 * @param p50Ms median lag
 * @param p99Ms 99th percentile
 * @param maxMs the worst
 * @param meanMs the mean
 * @param count samples behind the figures
 */
public record Lag(double p50Ms, double p99Ms, double maxMs, double meanMs, long count) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Reads (and resets) the lag of the server at {@code url}; empty when it has no monitor or does not answer. */
    static Optional<Lag> read(String url) {
        return Http.get(url, Duration.ofSeconds(30)).flatMap(Lag::parse);
    }

    private static Optional<Lag> parse(String body) {
        try {
            JsonNode lag = JSON.readTree(body);
            return Optional.of(new Lag(lag.path("p50_ms").asDouble(), lag.path("p99_ms").asDouble(),
                    lag.path("max_ms").asDouble(), lag.path("mean_ms").asDouble(), lag.path("count").asLong()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
