package dev.spindle.loop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** SPINDLE_THREADPOOL_SIZE sets the blocking pool's size, checked in a real child JVM. */
class ThreadPoolSizeEnvironmentTest {

    /** Entry point of the child JVM: prints the default loop's pool size. */
    public static void main(String[] args) {
        try (Loop loop = Loop.create()) {
            System.out.println("threads=" + loop.blockingPoolStats().threads());
        } catch (IllegalArgumentException e) {
            System.out.println("error=" + e.getMessage());
        }
    }

    private static String runChild(String envValue) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElseThrow();
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                ThreadPoolSizeEnvironmentTest.class.getName()));
        builder.environment().put(LoopOptions.THREADPOOL_SIZE_ENV, envValue);
        builder.redirectErrorStream(true);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return output;
    }

    @Test
    void theEnvironmentVariableSetsThePoolSize() throws Exception {
        assertThat(runChild("7")).isEqualTo("threads=7");
    }

    @Test
    void aNonNumericValueIsAClearError() throws Exception {
        assertThat(runChild("lots")).isEqualTo("error=SPINDLE_THREADPOOL_SIZE must be a number, was 'lots'");
    }
}
