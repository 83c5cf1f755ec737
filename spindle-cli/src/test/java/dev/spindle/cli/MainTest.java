package dev.spindle.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MainTest {

    @Test
    void withoutArgumentsPrintsTheUsageWithEveryCommand() {
        CliRun run = CliRun.execute();

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: spindle", "demo", "load", "help");
    }

    @Test
    void helpOptionPrintsTheUsage() {
        CliRun run = CliRun.execute("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: spindle", "demo");
    }

    @Test
    void helpCommandDescribesASubcommand() {
        CliRun run = CliRun.execute("help", "demo");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: spindle demo", "--port=N");
    }

    @Test
    void unknownCommandIsAUsageErrorNamingTheKnownCommands() {
        CliRun run = CliRun.execute("frobnicate");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("spindle: unknown command 'frobnicate' (commands: demo, load, help)")
                .contains("Try 'spindle --help'");
    }

    @Test
    void unknownOptionIsAUsageError() {
        CliRun run = CliRun.execute("--frobnicate");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("spindle: Unknown option: '--frobnicate'");
    }
}
