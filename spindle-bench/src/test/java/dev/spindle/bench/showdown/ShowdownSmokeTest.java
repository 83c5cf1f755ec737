package dev.spindle.bench.showdown;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CI smoke run of the showdown: {@code --quick} with the three core models, real server
 * processes on real sockets, into a temporary folder; then the report must be complete and sane.
 * The run itself is the expensive part (under a minute), so it happens once for all the checks.
 */
class ShowdownSmokeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path out;

    private static int status;
    private static String terminal;
    private static JsonNode results;
    private static long seconds;

    @BeforeAll
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    static void runQuick() throws IOException {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        long started = System.nanoTime();
        status = Showdown.run(new PrintStream(printed, true, StandardCharsets.UTF_8), "--quick", "--no-install", "--out",
                out.toString());
        seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
        terminal = printed.toString(StandardCharsets.UTF_8);
        results = JSON.readTree(out.resolve("results.json").toFile());
    }

    @Test
    void theQuickRunSucceedsInAboutAMinute() {
        assertThat(status).as(terminal).isZero();
        // Under 60 s on a quiet 2-core machine; a shared one can slow it down, so the guard is looser.
        assertThat(seconds).as("seconds the quick run took").isLessThan(120);
        for (String model : Models.CORE) {
            assertThat(results.path("models").findValuesAsText("model")).contains(model);
        }
        assertThat(results.path("models")).allSatisfy(model -> assertThat(model.path("status").asText()).isEqualTo("ran"));
    }

    @Test
    void everyScenarioHasARowForEveryCoreModel() {
        for (String scenario : List.of("hello", "timeline", "stall", "cascade")) {
            Set<String> models = new HashSet<>(results.path(scenario).findValuesAsText("model"));
            assertThat(models).as(scenario).containsAll(Models.CORE);
        }
    }

    @Test
    void throughputIsPositiveAndLatenciesOrdered() {
        for (String scenario : List.of("hello", "timeline")) {
            for (JsonNode row : results.path(scenario)) {
                JsonNode load = row.path("load");
                assertThat(load.path("requestsPerSecond").asDouble()).as(scenario + " " + row).isPositive();
                assertThat(load.path("p50Ms").asDouble()).isPositive().isLessThanOrEqualTo(load.path("p99Ms").asDouble());
                assertThat(load.path("p99Ms").asDouble()).isLessThanOrEqualTo(load.path("maxMs").asDouble());
                assertThat(row.path("peakRssMib").asDouble()).isGreaterThan(10);
            }
        }
        long sums = 0;
        for (JsonNode row : results.path("stall")) {
            assertThat(row.path("get").path("requestsPerSecond").asDouble()).as(row.toString()).isPositive();
            // One sum may outlast a quick run's one-second window on a loaded machine: count them all.
            assertThat(row.path("computeResponses").asLong()).as(row.toString()).isNotNegative();
            sums += row.path("computeResponses").asLong();
            assertThat(row.path("overTime")).isNotEmpty();
        }
        assertThat(sums).as("sums answered over every stall run").isPositive();
        for (JsonNode row : results.path("cascade")) {
            long settled = row.path("served").asLong() + row.path("timedOut").asLong() + row.path("refused").asLong()
                    + row.path("otherErrors").asLong();
            assertThat(settled).as(row.toString()).isEqualTo(row.path("clients").asLong());
            assertThat(row.path("served").asLong()).isPositive();
        }
    }

    @Test
    void theTimelineLimitIsConnectionsOver55Milliseconds() {
        assertThat(results.path("timeline")).isNotEmpty();
        for (JsonNode row : results.path("timeline")) {
            double limit = row.path("connections").asInt() / 0.055;
            assertThat(row.path("limitPerSecond").asDouble()).isCloseTo(limit, org.assertj.core.data.Offset.offset(0.1));
            assertThat(row.path("percentOfLimit").asDouble()).isCloseTo(
                    row.path("load").path("requestsPerSecond").asDouble() * 100 / limit, org.assertj.core.data.Offset.offset(0.1));
        }
    }

    @Test
    void spindlesLagIsReportedForEveryScenario() {
        Set<String> scenarios = new HashSet<>();
        for (JsonNode row : results.path("lag")) {
            if (row.path("model").asText().equals("spindle")) {
                scenarios.add(row.path("scenario").asText().substring(0, 1));
                assertThat(row.path("lag").path("count").asLong()).isPositive();
                assertThat(row.path("lag").path("maxMs").asDouble()).isGreaterThanOrEqualTo(row.path("lag").path("p50Ms").asDouble());
            }
        }
        assertThat(scenarios).containsExactlyInAnyOrder("1", "2", "3", "4");
        assertThat(results.path("lag").findValuesAsText("model")).doesNotContain("threads", "virtual");
    }

    @Test
    void everyChartIsAPictureWithSomethingOnIt() throws IOException {
        for (String chart : List.of(Charts.PERCENTILES, Charts.THROUGHPUT, Charts.STALL)) {
            BufferedImage image = ImageIO.read(out.resolve(chart).toFile());
            assertThat(image).as(chart).isNotNull();
            assertThat(image.getWidth()).isGreaterThanOrEqualTo(800);
            Set<Integer> colours = new HashSet<>();
            long ink = 0;
            for (int y = 0; y < image.getHeight(); y += 2) {
                for (int x = 0; x < image.getWidth(); x += 2) {
                    int rgb = image.getRGB(x, y) & 0xFFFFFF;
                    colours.add(rgb);
                    if (rgb != 0xFFFFFF) {
                        ink++;
                    }
                }
            }
            assertThat(colours).as(chart + ": distinct colours").hasSizeGreaterThan(20);
            assertThat(ink).as(chart + ": pixels that are not white").isGreaterThan(2_000);
        }
    }

    @Test
    void theMarkdownReportAndTheTerminalHaveEveryTable() throws IOException {
        String markdown = Files.readString(out.resolve("report.md"));
        for (String title : List.of("1. Hello", "2. The seed's request timeline", "3. The CPU stall",
                "4. The queueing cascade", "5. Event-loop lag")) {
            assertThat(markdown).contains("## " + title);
            assertThat(terminal).contains(title);
        }
        assertThat(markdown).contains("](" + Charts.PERCENTILES + ")", "](" + Charts.THROUGHPUT + ")",
                "](" + Charts.STALL + ")", "| spindle |", "| threads |", "| virtual |");
    }
}
