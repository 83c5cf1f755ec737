package dev.spindle.cli.internal;

import dev.spindle.loop.Phase;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import dev.spindle.cli.internal.demo.DemoServer;
import dev.spindle.jobs.SqliteStore;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code spindle demo}: runs the demo HTTP server of the seeds on {@code --port}; with
 * {@code --trace}, shows one turn of the event loop instead, phase by phase.
 */
@Command(
        name = "demo",
        description = "Run the demo HTTP server (GET /, /compute, /compute/worker, POST /compute/job, GET /jobs/:id,"
                + " /api/users/:id) with the loop monitor (/_spindle, /metrics, /status) until Ctrl-C;"
                + " --trace shows one turn of the event loop instead.")
public final class DemoCommand implements Callable<Integer> {

    /** The port the HTTP demo listens on unless {@code --port} says otherwise. */
    public static final int DEFAULT_PORT = 3000;

    @Spec
    private CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Option(names = "--port", paramLabel = "N", defaultValue = "" + DEFAULT_PORT, converter = PortConverter.class,
            description = "Port for the HTTP demo, 1-65535 (default: ${DEFAULT-VALUE}).")
    private int port;

    @Option(names = "--jobs-db", paramLabel = "FILE", defaultValue = SqliteStore.DEFAULT_FILE,
            description = "SQLite file of the demo's job queue (default: ${DEFAULT-VALUE} in the working directory).")
    private Path jobsDb;

    @Option(names = "--trace", description = "Print the phase trace of one loop turn and exit.")
    private boolean trace;

    @Option(names = "--shed", description = "Turn load shedding on: 503 + Retry-After while the loop lags.")
    private boolean shed;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (trace) {
            printTrace(out);
        } else {
            DemoServer.run(port, shed, jobsDb, out);
        }
        return 0;
    }

    private static void printTrace(PrintWriter out) {
        TurnTrace trace = FirstTurnDemo.run();
        out.println("Spindle demo: the first turn of the event loop");
        out.println("  main script: setTimeout(0), setImmediate, nextTick, promise.then");
        out.println();
        out.println(line("(script)", trace.ranBeforeFirstTurn())
                + "   drained after the main script: ticks first, then microtasks");
        for (Phase phase : trace.phases()) {
            out.println(line(phase.name().toLowerCase(Locale.ROOT), trace.ranIn(phase)));
        }
        out.println();
        out.println("(Virtual clock: 1 ms passes before the first turn, so the 0 ms timer, which Node");
        out.println(" makes 1 ms, is due in it; with less, the immediate would run first.)");
        out.flush();
    }

    private static String line(String phase, List<String> callbacks) {
        return String.format("  %-8s -> %s", phase, callbacks.isEmpty() ? "-" : String.join(", ", callbacks));
    }
}
