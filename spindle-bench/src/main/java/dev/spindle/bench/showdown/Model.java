package dev.spindle.bench.showdown;

import java.util.Set;

/**
 * One concurrency model of the showdown: how its server is started (see the showdown contract) and
 * which scenarios it takes part in.
 *
 * @param id the name on the command line and in the tables, e.g. {@code spindle}
 * @param description what the model is, for the report
 * @param runtime what runs the server: a JVM with a main class, or a JavaScript runtime with the shared script
 * @param mainClass the server's main class for {@link Runtime#JAVA}; empty otherwise
 * @param scenarios the scenario numbers the model runs in
 */
public record Model(String id, String description, Runtime runtime, String mainClass, Set<Integer> scenarios) {

    /** What runs a model's server. */
    public enum Runtime {
        /** A JVM: the showdown's own {@code java} and class path. */
        JAVA,
        /** {@code node} on the PATH. */
        NODE,
        /** Bun, installed from npm into the bench's peers folder. */
        BUN,
        /** Deno, installed from npm into the bench's peers folder. */
        DENO
    }

    /** Whether the model takes part in scenario {@code number}. */
    public boolean runs(int number) {
        return scenarios.contains(number);
    }

    /** Whether the model has an event-loop lag monitor behind {@code GET /lag}. */
    public boolean hasLagMonitor() {
        return id.equals("spindle") || runtime != Runtime.JAVA;
    }
}
