package dev.spindle.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.loop.Loop;
import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Runs the CLI as the launcher does, as a named module, which the in-process tests (on the class
 * path) cannot check: that module-info.java requires and opens what picocli and the loop need.
 */
class MainOnModulePathTest {

    @TempDir
    Path scratch;

    @Test
    void demoRunsAsANamedModule() throws Exception {
        String modulePath = String.join(File.pathSeparator, location(Main.class), location(Loop.class),
                location(CommandLine.class));
        String java = ProcessHandle.current().info().command().orElse("java");

        ChildProcess run = ChildProcess.run(scratch,
                List.of(java, "-p", modulePath, "-m", "dev.spindle.cli/dev.spindle.cli.Main", "demo", "--port", "4000"),
                environment -> {});

        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("  timers   -> timer(0 ms)", "  check    -> immediate", "port 4000");
    }

    private static String location(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}
