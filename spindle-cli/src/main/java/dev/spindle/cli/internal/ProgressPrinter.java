package dev.spindle.cli.internal;

import dev.spindle.load.LoadProgress;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Shows a running load test once a second: on a terminal, a bar redrawn in place (autocannon's);
 * otherwise, as in a CI log, one plain line per second. Either goes to standard error, so standard
 * output holds only the report (and stays valid JSON with {@code --json}).
 */
final class ProgressPrinter implements Consumer<LoadProgress> {

    private static final int BAR_WIDTH = 30;

    private final PrintWriter out;
    private final boolean terminal;
    private boolean drawn;

    ProgressPrinter(PrintWriter out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    /** Whether the process runs on a terminal (Java 22+ has a console object only for one). */
    static boolean onTerminal() {
        java.io.Console console = System.console();
        return console != null && console.isTerminal();
    }

    @Override
    public void accept(LoadProgress progress) {
        double seconds = progress.elapsed().toMillis() / 1000.0;
        String figures = progress.warmingUp() ? "warming up (not counted)" : String.format(Locale.ROOT,
                "%,d responses, %,d/s, %,d errors", progress.responses(), progress.lastSecond(), progress.errors());
        if (terminal) {
            double done = progress.done().orElse(0);
            int filled = (int) Math.round(done * BAR_WIDTH);
            out.print(String.format(Locale.ROOT, "\r[%s%s] %3.0f%%  %5.1f s  %s  ",
                    "=".repeat(filled), " ".repeat(BAR_WIDTH - filled), done * 100, seconds, figures));
            drawn = true;
        } else {
            out.println(String.format(Locale.ROOT, "%5.1f s: %s", seconds, figures));
        }
        out.flush();
    }

    /** Clears the bar, if one was drawn, before the report is printed. */
    void finish() {
        if (drawn) {
            out.print("\r" + " ".repeat(BAR_WIDTH + 80) + "\r");
            out.flush();
        }
    }
}
