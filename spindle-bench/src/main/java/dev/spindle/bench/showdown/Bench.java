package dev.spindle.bench.showdown;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Set;

/**
 * What the scenarios share in one showdown run: the timings, the scenarios asked for, how to start
 * models, where logs go, the results so far, and the terminal.
 */
final class Bench {

    final Timings timings;
    final Set<Integer> scenarios;
    final Launcher launcher;
    final Path logs;
    final Results results;
    private final PrintStream out;

    Bench(Timings timings, Set<Integer> scenarios, Launcher launcher, Path logs, Results results, PrintStream out) {
        this.timings = timings;
        this.scenarios = scenarios;
        this.launcher = launcher;
        this.logs = logs;
        this.results = results;
        this.out = out;
    }

    /** Whether {@code model} runs scenario {@code number} in this run. */
    boolean runs(Model model, int number) {
        return scenarios.contains(number) && model.runs(number);
    }

    /** Starts {@code model}'s server with {@code backlog} (0: its default); {@code tag} names the log file. */
    ServerProcess start(Model model, int backlog, String tag) throws IOException {
        return ServerProcess.start(model.id(), launcher.command(model, backlog), logs.resolve(model.id() + "-" + tag + ".log"));
    }

    /** A progress line on the terminal. */
    void say(String line) {
        out.println(line);
        out.flush();
    }

    /** Records the lag of one run, for scenario 5. */
    void lag(Model model, String scenario, Lag lag) {
        if (lag != null) {
            results.lag().add(new Rows.LagRow(model.id(), scenario, lag));
        }
    }
}
