package dev.spindle.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.load.LoadProgress;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class ProgressPrinterTest {

    private static final LoadProgress HALF = new LoadProgress(Duration.ofSeconds(5), 123_456, 2, 24_000, OptionalDouble.of(0.5), false);

    @Test
    void aPlainLinePerSecondOffATerminal() {
        StringWriter out = new StringWriter();
        ProgressPrinter printer = new ProgressPrinter(new PrintWriter(out), false);
        printer.accept(HALF);
        printer.finish();

        assertThat(out.toString()).isEqualTo("  5.0 s: 123,456 responses, 24,000/s, 2 errors" + System.lineSeparator());
    }

    @Test
    void theWarmupSaysSo() {
        StringWriter out = new StringWriter();
        new ProgressPrinter(new PrintWriter(out), false)
                .accept(new LoadProgress(Duration.ofSeconds(1), 0, 0, 0, OptionalDouble.of(0.1), true));

        assertThat(out.toString()).isEqualTo("  1.0 s: warming up (not counted)" + System.lineSeparator());
    }

    @Test
    void aBarRedrawnInPlaceOnATerminalAndClearedAtTheEnd() {
        StringWriter out = new StringWriter();
        ProgressPrinter printer = new ProgressPrinter(new PrintWriter(out), true);
        printer.accept(HALF);

        assertThat(out.toString()).isEqualTo("\r[===============               ]  50%    5.0 s  123,456 responses, 24,000/s, 2 errors  ");
        printer.finish();
        assertThat(out.toString()).endsWith(" \r").doesNotContain("\n");
    }
}
