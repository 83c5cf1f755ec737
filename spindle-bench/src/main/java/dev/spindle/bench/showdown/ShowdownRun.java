package dev.spindle.bench.showdown;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * Runs the scenarios model after model: one server per model for scenarios 1, 3 and 2, in that
 * order (lag, scenario 5, is read during each), then a fresh server per backlog for scenario 4. A model that is missing is
 * skipped with a line; one that fails is reported and the run goes on. Before each model it waits
 * a while (not in a quick run) for the machine to be quiet, since it may be shared.
 */
final class ShowdownRun {

    private ShowdownRun() {}

    static void run(Bench bench, List<Model> models) {
        for (Model model : models) {
            var missing = bench.launcher.missing(model);
            if (missing.isPresent()) {
                bench.say("skipping " + model.id() + ": " + missing.get());
                bench.results.models().add(new Results.ModelStatus(model.id(), model.description(), "skipped", missing.get()));
                continue;
            }
            bench.say(model.id() + " (" + model.description() + ")");
            try {
                runModel(bench, model);
                bench.results.models().add(new Results.ModelStatus(model.id(), model.description(), "ran", ""));
            } catch (IOException | RuntimeException e) {
                bench.say("  " + model.id() + " failed: " + e.getMessage());
                bench.results.models().add(new Results.ModelStatus(model.id(), model.description(), "failed",
                        String.valueOf(e.getMessage())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                bench.results.models().add(new Results.ModelStatus(model.id(), model.description(), "failed", "interrupted"));
                return;
            }
        }
    }

    /** Other work, % of all cores, under which the machine counts as quiet enough to start a model. */
    private static final double QUIET_PERCENT = 15;

    private static void runModel(Bench bench, Model model) throws IOException, InterruptedException {
        Duration patience = bench.timings.quietPatience();
        double other = patience.isZero() ? 0 : OtherWork.awaitQuiet(QUIET_PERCENT, patience);
        if (other >= QUIET_PERCENT) {
            bench.say(String.format("  the machine is busy: %.0f%% of its cores on other work after waiting %d s; measuring anyway",
                    other, patience.toSeconds()));
        }
        if (bench.runs(model, 1) || bench.runs(model, 2) || bench.runs(model, 3)) {
            try (ServerProcess server = bench.start(model, 0, "main")) {
                if (bench.runs(model, 1)) {
                    HelloScenario.run(bench, model, server);
                }
                if (bench.runs(model, 3)) {
                    StallScenario.run(bench, model, server);
                }
                if (bench.runs(model, 2)) { // last: 10,000 connections leave a large heap behind
                    TimelineScenario.run(bench, model, server);
                }
                if (!server.isAlive()) {
                    throw new IOException(model.id() + "'s server died during the run");
                }
            }
        }
        if (bench.runs(model, 4)) {
            CascadeScenario.run(bench, model);
        }
    }
}
