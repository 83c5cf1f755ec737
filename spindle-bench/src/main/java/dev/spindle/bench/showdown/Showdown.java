package dev.spindle.bench.showdown;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./spindle bench}: the showdown of issue 6. Each model's server runs in its own process
 * pinned to CPU 0, the load comes from this JVM (which the launcher pins to CPU 1), and the
 * results go to the terminal as tables and to a report folder: {@code results.json},
 * {@code report.md}, PNG charts, and the servers' logs. See spindle-bench/SHOWDOWN.md.
 */
@Command(name = "bench", sortOptions = false,
        description = {"The showdown: thread-per-request (200 platform threads), virtual threads and Spindle's loop,"
                + " with Netty, Vert.x, Node, Bun and Deno when present, through five scenarios (1 hello, 2 the request"
                + " timeline at 100/1,000/10,000 connections, 3 the CPU stall, 4 the queueing cascade, 5 event-loop lag).",
            "Tables on the terminal; results.json, report.md and PNG charts in the report folder."})
public final class Showdown implements Callable<Integer> {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Option(names = "--quick", description = "A short run (under 60 s, core models only): the CI smoke test.")
    private boolean quick;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "bench-report",
            description = "The report folder (default: ${DEFAULT-VALUE}).")
    private Path out;

    @Option(names = "--models", paramLabel = "MODEL", split = ",",
            description = "Models to run (default: all present; with --quick: threads,virtual,spindle). Known: "
                    + "threads, virtual, spindle, netty, vertx, node, bun, deno.")
    private List<String> models;

    @Option(names = "--scenarios", paramLabel = "N", split = ",",
            description = "Scenarios to run (default: 1,2,3,4,5).")
    private List<Integer> scenarios;

    @Option(names = "--no-install", description = "Do not install Bun and Deno with npm; skip them when missing.")
    private boolean noInstall;

    @Option(names = "--root", paramLabel = "DIR", hidden = true,
            description = "The repository root (default: the nearest folder up from here with spindle-bench/pom.xml).")
    private Path root;

    private final PrintStream terminal;

    Showdown(PrintStream terminal) {
        this.terminal = terminal;
    }

    public static void main(String[] args) {
        System.exit(run(System.out, args));
    }

    /** Runs the showdown with {@code args}, printing to {@code terminal}; returns the exit status. */
    public static int run(PrintStream terminal, String... args) {
        System.setProperty("java.awt.headless", "true"); // the charts are drawn off screen
        return new CommandLine(new Showdown(terminal)).execute(args);
    }

    @Override
    public Integer call() throws IOException {
        Instant started = Instant.now();
        Path repository = root != null ? root : findRoot();
        Set<Integer> chosenScenarios = new LinkedHashSet<>(scenarios == null ? List.of(1, 2, 3, 4, 5) : scenarios);
        List<Model> chosen = chooseModels();
        if (chosen == null) {
            return 2;
        }
        Files.createDirectories(out);
        Path peers = repository.resolve("spindle-bench/.bench-peers");
        Launcher launcher = new Launcher(repository, peers);
        Results results = Results.empty();
        Timings timings = quick ? Timings.QUICK : Timings.DEFAULT;
        Bench bench = new Bench(timings, chosenScenarios, launcher, out.resolve("logs"), results, terminal);
        bench.say("showdown: " + (quick ? "quick" : "default") + " run, models " + chosen.stream().map(Model::id).toList()
                + ", scenarios " + chosenScenarios + ", report in " + out.toAbsolutePath());
        if (!noInstall && chosen.stream().anyMatch(model -> model.runtime() == Model.Runtime.BUN
                || model.runtime() == Model.Runtime.DENO)) {
            PeerInstaller.install(launcher, peers, out.resolve("logs/npm-install.log"), bench);
        }
        ShowdownRun.run(bench, chosen);
        if (!chosenScenarios.contains(5)) {
            results.lag().clear();
        }
        describeRun(results, timings, chosenScenarios, started);
        List<Table> tables = Tables.all(results);
        terminal.println();
        for (Table table : tables) {
            terminal.println(table.toTerminal());
        }
        writeReport(results, out);
        terminal.println("report: " + out.toAbsolutePath().resolve("report.md") + " (and results.json, charts, logs/)");
        return results.models().stream().anyMatch(model -> model.status().equals("failed")) ? 1 : 0;
    }

    /** The models asked for, in running order; null (after a message) when one is unknown. */
    private List<Model> chooseModels() {
        List<String> ids = models != null ? models : quick ? Models.CORE : Models.ALL.stream().map(Model::id).toList();
        List<Model> chosen = new ArrayList<>();
        for (Model model : Models.ALL) {
            if (ids.contains(model.id())) {
                chosen.add(model);
            }
        }
        for (String id : ids) {
            if (Models.byId(id).isEmpty()) {
                terminal.println("showdown: unknown model '" + id + "'; known: "
                        + Models.ALL.stream().map(Model::id).toList());
                return null;
            }
        }
        return chosen;
    }

    private void describeRun(Results results, Timings timings, Set<Integer> chosenScenarios, Instant started) {
        Map<String, Object> run = results.run();
        run.put("command", "./spindle bench" + (quick ? " --quick" : "") + (models != null ? " --models " + String.join(",", models) : "")
                + (scenarios != null ? " --scenarios " + String.join(",", scenarios.stream().map(String::valueOf).toList()) : ""));
        run.put("mode", quick ? "quick" : "default");
        run.put("scenarios", chosenScenarios);
        run.put("startedAt", started.truncatedTo(ChronoUnit.SECONDS).toString());
        run.put("seconds", Math.round((Instant.now().toEpochMilli() - started.toEpochMilli()) / 100.0) / 10.0);
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("helloWarmupSeconds", timings.helloWarmup().toMillis() / 1000.0);
        settings.put("helloSeconds", timings.hello().toMillis() / 1000.0);
        settings.put("timelineConnections", timings.timelineConnections());
        settings.put("timelineWarmupSeconds", timings.timelineWarmup().toMillis() / 1000.0);
        settings.put("timelineSeconds", timings.timeline().toMillis() / 1000.0);
        settings.put("stallWarmupSeconds", timings.stallWarmup().toMillis() / 1000.0);
        settings.put("stallSeconds", timings.stall().toMillis() / 1000.0);
        settings.put("stallGetRate", timings.stallRate());
        settings.put("computeN", timings.computeN());
        settings.put("cascadeBlockMs", timings.cascadeBlock().toMillis());
        settings.put("cascadeClients", timings.cascadeClients());
        run.put("settings", settings);
    }

    private static void writeReport(Results results, Path folder) throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        json.writeValue(folder.resolve("results.json").toFile(), results);
        List<String> charts = Charts.write(results, folder);
        Files.writeString(folder.resolve("report.md"), MarkdownReport.format(results, charts));
    }

    private static Path findRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("spindle-bench/pom.xml"))) {
                return dir;
            }
        }
        return Path.of("").toAbsolutePath();
    }
}
