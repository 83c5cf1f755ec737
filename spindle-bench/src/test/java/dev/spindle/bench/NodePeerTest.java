package dev.spindle.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.bench.jmh.LoopShapesBenchmark;
import dev.spindle.bench.jmh.MillionTimersBenchmark;
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
 * The Node peer measures the same shapes as the JMH benchmarks: every benchmark has a shape of
 * the same name in {@code node/loop-shapes.js}, and the counts agree. Reads the scripts; runs
 * nothing.
 */
class NodePeerTest {

    private static final Path NODE_DIR = Path.of("node");

    private static String script() throws IOException {
        return Files.readString(NODE_DIR.resolve("loop-shapes.js"));
    }

    @Test
    void theScriptsAndTheRunnerExist() {
        assertThat(NODE_DIR.resolve("loop-shapes.js")).isRegularFile();
        assertThat(NODE_DIR.resolve("report.js")).isRegularFile();
        assertThat(Path.of("run-loop-bench.sh")).isRegularFile().isExecutable();
    }

    private static String[] loopBenchmarkNames() {
        return Arrays.stream(new Class<?>[] {LoopShapesBenchmark.class, MillionTimersBenchmark.class})
                .flatMap(benchmark -> Arrays.stream(benchmark.getDeclaredMethods()))
                .filter(method -> method.isAnnotationPresent(Benchmark.class))
                .map(Method::getName)
                .toArray(String[]::new);
    }

    @Test
    void everyLoopBenchmarkHasANodeShapeOfTheSameName() throws IOException {
        String script = script();
        String[] names = loopBenchmarkNames();
        assertThat(names).hasSize(7);
        for (String name : names) {
            assertThat(script).as(name).containsPattern("\\n  " + name + ": \\{");
        }
    }

    @Test
    void theRunnerRunsEveryLoopBenchmarkAgainstNode() throws IOException {
        String runner = Files.readString(Path.of("run-loop-bench.sh"));
        Matcher list = Pattern.compile("shape_names=\\(([^)]*)\\)").matcher(runner);
        assertThat(list.find()).isTrue();
        assertThat(list.group(1).trim().split("\\s+")).containsExactlyInAnyOrder(loopBenchmarkNames());
    }

    @Test
    void theNodeShapesUseTheSameCounts() throws IOException {
        String script = script();
        assertThat(constant(script, "CALLBACKS")).isEqualTo(LoopShapes.CALLBACKS);
        assertThat(constant(script, "IMMEDIATE_BATCH")).isEqualTo(LoopShapes.IMMEDIATE_BATCH);
        assertThat(constant(script, "TIMERS")).isEqualTo(LoopShapes.TIMERS);
        assertThat(constant(script, "MAX_VARIED_DELAY_MILLIS")).isEqualTo(LoopShapes.MAX_VARIED_DELAY_MILLIS);
        assertThat(constant(script, "SAME_DELAY_MILLIS")).isEqualTo(LoopShapes.SAME_DELAY_MILLIS);
        assertThat(script).contains("1 + ((i * 7919) % MAX_VARIED_DELAY_MILLIS)");
    }

    private static long constant(String script, String name) {
        Matcher matcher = Pattern.compile("const " + name + " = ([0-9_]+);").matcher(script);
        assertThat(matcher.find()).as(name + " in loop-shapes.js").isTrue();
        return Long.parseLong(matcher.group(1).replace("_", ""));
    }
}
