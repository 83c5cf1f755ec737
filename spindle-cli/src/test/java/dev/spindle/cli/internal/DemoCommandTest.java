package dev.spindle.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.cli.CliRun;
import dev.spindle.loop.Phase;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DemoCommandTest {

    /** A trace line: two spaces, a lower-case phase name, padding, an arrow, the callbacks. */
    private static final Pattern PHASE_LINE = Pattern.compile("^  ([a-z]+)\\s+-> (.*)$", Pattern.MULTILINE);

    @Test
    void printsThePhasesOfTheFirstTurnInLibuvOrder() {
        CliRun run = CliRun.execute("demo", "--trace");

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(phaseLines(run.out()).stream().map(line -> line.phase).toList())
                .containsExactly(Phase.TIMERS, Phase.PENDING, Phase.IDLE, Phase.PREPARE, Phase.POLL,
                        Phase.CHECK, Phase.CLOSE);
    }

    @Test
    void printsWhichCallbackRanInWhichPhase() {
        String out = CliRun.execute("demo", "--trace").out();

        assertThat(phaseLines(out)).contains(
                new PhaseLine(Phase.TIMERS, "timer(0 ms)"),
                new PhaseLine(Phase.POLL, "-"),
                new PhaseLine(Phase.CHECK, "immediate"));
        assertThat(out).containsPattern("\\(script\\) -> nextTick, promise\\.then");
    }

    @Test
    void acceptsAnotherPortBesideTheTrace() {
        CliRun run = CliRun.execute("demo", "--trace", "--port", "8080");

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "70000", "-1"})
    void rejectsAPortOutOfRangeWithAClearError(String port) {
        CliRun run = CliRun.execute("demo", "--port", port);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("spindle: Invalid value for option '--port': port " + port
                + " is out of range; give a number from 1 to 65535");
    }

    @Test
    void rejectsAPortThatIsNotANumber() {
        CliRun run = CliRun.execute("demo", "--port", "http");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("'http' is not a port; give a number from 1 to 65535");
    }

    private static List<PhaseLine> phaseLines(String out) {
        Matcher matcher = PHASE_LINE.matcher(out);
        List<PhaseLine> lines = new java.util.ArrayList<>();
        while (matcher.find()) {
            lines.add(new PhaseLine(Phase.valueOf(matcher.group(1).toUpperCase(Locale.ROOT)), matcher.group(2)));
        }
        return lines;
    }

    private record PhaseLine(Phase phase, String callbacks) {}
}
