package dev.spindle.bench.offload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.bench.jmh.OffloadRoundTripBenchmark;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Benchmark;

/**
 * The Node peer of the round-trip benchmark measures the same shapes with the same counts, and the
 * runner and its report exist. Reads the scripts; runs nothing.
 */
class OffloadPeerTest {

    private static final Path SCRIPT = Path.of("node", "worker-roundtrip.js");

    @Test
    void theScriptsAndTheRunnerExist() {
        assertThat(SCRIPT).isRegularFile();
        assertThat(Path.of("node", "offload-report.js")).isRegularFile();
        assertThat(Path.of("run-offload-bench.sh")).isRegularFile().isExecutable();
    }

    @Test
    void everyWorkersShapeHasANodeShapeOfTheSameName() throws IOException {
        String script = Files.readString(SCRIPT);
        String[] workersShapes = Arrays.stream(OffloadRoundTripBenchmark.class.getDeclaredMethods())
                .filter(method -> method.isAnnotationPresent(Benchmark.class))
                .map(Method::getName)
                .filter(name -> name.startsWith("workers"))
                .toArray(String[]::new);
        assertThat(workersShapes).containsExactlyInAnyOrder("workersOneInFlight", "workersManyInFlight");
        for (String name : workersShapes) {
            assertThat(script).as(name).containsPattern("\\n    " + name + ": \\{");
        }
    }

    @Test
    void theNodeShapesUseTheSameCounts() throws IOException {
        String script = Files.readString(SCRIPT);
        assertThat(constant(script, "CHAIN")).isEqualTo(OffloadRoundTripBenchmark.CHAIN);
        assertThat(constant(script, "MANY")).isEqualTo(OffloadRoundTripBenchmark.MANY);
        assertThat(constant(script, "IN_FLIGHT")).isEqualTo(OffloadRoundTripBenchmark.IN_FLIGHT);
    }

    private static long constant(String script, String name) {
        Matcher matcher = Pattern.compile("const " + name + " = ([0-9_]+);").matcher(script);
        assertThat(matcher.find()).as(name + " in worker-roundtrip.js").isTrue();
        return Long.parseLong(matcher.group(1).replace("_", ""));
    }
}
