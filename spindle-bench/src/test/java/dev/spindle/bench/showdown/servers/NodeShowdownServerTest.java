package dev.spindle.bench.showdown.servers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code showdown/server.js} under Node answers the same contract as the Java models: every route,
 * {@code /compute/worker} on its worker_threads pool, {@code /block} holding its one loop,
 * {@code /lag} from {@code monitorEventLoopDelay} with its reset, {@code --backlog} reaching
 * {@code listen(2)}, the listening line, and a clean exit on SIGTERM. Skipped without node.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class NodeShowdownServerTest {

    private static final Path SCRIPT = Path.of("showdown", "server.js");
    private static final int BACKLOG = 77;

    private static boolean nodeAvailable() {
        try {
            return new ProcessBuilder("node", "--version").redirectErrorStream(true).start().waitFor() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void answersTheContractAndEndsOnSigterm() throws Exception {
        assertThat(SCRIPT).isRegularFile();
        assumeTrue(nodeAvailable(), "node is not on the PATH: the JS model is not checked");
        try (ModelProcess node = ModelProcess.start("node",
                List.of("node", SCRIPT.toString(), "0", "--backlog", String.valueOf(BACKLOG)))) {
            int port = node.awaitListening();
            try (ShowdownChecks checks = new ShowdownChecks(port)) {
                assertThat(ShowdownChecks.listenBacklog(port)).as("the backlog given to listen(2)").isEqualTo(BACKLOG);
                checks.answersEveryRoute();
                assertThat(checks.slowestHelloDuringBlock()).as("a GET / waits out the loop's block")
                        .isGreaterThanOrEqualTo(ShowdownChecks.BLOCK_MILLIS / 2);
                checks.lagReportsAndResets();
            }
            assertThat(node.terminate()).as("node's exit code").isZero();
        }
    }
}
