package dev.spindle.bench.showdown;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How each model's server is started, as the showdown contract says: Java models with this JVM's
 * own {@code java} binary and class path (so it works from the shaded jar and from the tests), the
 * same heap flags for all; Node, Bun and Deno with the one shared script. Port 0: the server
 * prints the port it got.
 */
public final class Launcher {

    /** The same for every Java model: a fixed GC and heap ceiling, so their RSS compares. */
    static final List<String> JVM_FLAGS = List.of("-Xms32m", "-Xmx1g", "-XX:+UseSerialGC");

    private final Path root;
    private final Path peers;

    /**
     * @param root the repository root (holds {@code spindle-bench/showdown/server.js})
     * @param peers the folder Bun and Deno are installed into with npm
     */
    public Launcher(Path root, Path peers) {
        this.root = root;
        this.peers = peers;
    }

    /** The shared JavaScript server. */
    Path script() {
        return root.resolve("spindle-bench/showdown/server.js");
    }

    Path bin(String name) {
        return peers.resolve("node_modules/.bin").resolve(name);
    }

    /** Why {@code model} cannot run here, or empty when it can. */
    public Optional<String> missing(Model model) {
        return switch (model.runtime()) {
            case JAVA -> onClassPath(model.mainClass()) ? Optional.empty()
                    : Optional.of(model.mainClass() + " is not on the class path");
            case NODE -> !Files.isRegularFile(script()) ? Optional.of(script() + " is missing")
                    : Executables.onPath("node").isEmpty() ? Optional.of("node is not on the PATH") : Optional.empty();
            case BUN, DENO -> !Files.isRegularFile(script()) ? Optional.of(script() + " is missing")
                    : !Files.isExecutable(bin(model.id())) ? Optional.of(model.id() + " is not installed in " + peers
                            + " (npm install --prefix " + peers + " bun deno)") : Optional.empty();
        };
    }

    /** The command that starts {@code model}'s server on port 0, with {@code backlog} when above 0. */
    public List<String> command(Model model, int backlog) {
        List<String> command = new ArrayList<>();
        switch (model.runtime()) {
            case JAVA -> {
                command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
                command.addAll(JVM_FLAGS);
                command.add("-cp");
                command.add(System.getProperty("java.class.path"));
                command.add(model.mainClass());
            }
            case NODE -> {
                command.add(Executables.onPath("node").orElseThrow().toString());
                command.add(script().toString());
            }
            case BUN -> {
                command.add(bin("bun").toString());
                command.add(script().toString());
            }
            case DENO -> {
                command.add(bin("deno").toString());
                command.add("run");
                command.add("-A");
                command.add(script().toString());
            }
        }
        command.add("0");
        if (backlog > 0) {
            command.add("--backlog");
            command.add(Integer.toString(backlog));
        }
        return command;
    }

    private static boolean onClassPath(String className) {
        try {
            Class.forName(className, false, Launcher.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
