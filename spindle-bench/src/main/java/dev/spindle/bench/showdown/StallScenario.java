package dev.spindle.bench.showdown;

import dev.spindle.load.LatencyInterval;
import dev.spindle.load.LoadGenerator;
import dev.spindle.load.LoadOptions;
import dev.spindle.load.LoadReport;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Scenario 3, the CPU stall: one client loops on {@code /compute} (the sum runs inline, on the
 * thread or loop that serves it) or on {@code /compute/worker} (offloaded), while 8 clients ask for
 * {@code GET /} at a constant rate. The rate is what makes it honest: a {@code GET /} due while the
 * server is stuck counts from when it was due, so a stall shows in every request it delayed.
 */
final class StallScenario {

    static final int MEASURING_CLIENTS = 8;
    static final Duration SLICE = Duration.ofMillis(100);

    private StallScenario() {}

    static void run(Bench bench, Model model, ServerProcess server) {
        measure(bench, model, server, "inline", "/compute");
        measure(bench, model, server, "offloaded", "/compute/worker");
    }

    private static void measure(Bench bench, Model model, ServerProcess server, String variant, String route) {
        Timings timings = bench.timings;
        LoadOptions computing = LoadOptions.builder(server.url(route + "?n=" + timings.computeN())).connections(1)
                .warmup(timings.stallWarmup()).duration(timings.stall()).timeout(Duration.ofMinutes(2)).build();
        LoadOptions measuring = LoadOptions.builder(server.url("/")).connections(MEASURING_CLIENTS).rate(timings.stallRate())
                .warmup(timings.stallWarmup()).duration(timings.stall()).timeline(SLICE).build();
        CompletableFuture<LoadReport> compute = new CompletableFuture<>();
        Thread.ofPlatform().daemon().name("showdown-compute").start(() -> {
            try {
                compute.complete(LoadGenerator.run(computing, progress -> { }));
            } catch (Throwable t) {
                compute.completeExceptionally(t);
            }
        });
        Measured run = Measured.run(server, model, measuring);
        LoadReport sums = compute.join();
        // A sum still running on the server when the run ended would hold up the next run.
        Http.get(server.url("/"), Duration.ofMinutes(2));
        Figures get = run.figures();
        List<Rows.Slice> overTime = run.report().timeline().stream().map(StallScenario::slice).toList();
        bench.results.stall().add(new Rows.Stall(model.id(), variant, route, get, sums.responses(),
                Figures.ms(sums.latency().mean()), run.peakRssMib(), run.lag(), overTime, run.otherWork()));
        bench.lag(model, "3 stall, " + variant, run.lag());
        bench.say(String.format("  %-8s 3 stall %-9s GET / p99 %8.2f ms  max %8.2f ms  (%d sums of %.0f ms)  errors %d"
                + "  other work %.0f%%", model.id(), variant, get.p99Ms(), get.maxMs(), sums.responses(),
                Figures.ms(sums.latency().mean()), get.errors() + sums.failures(), run.otherWork()));
    }

    private static Rows.Slice slice(LatencyInterval interval) {
        return new Rows.Slice(interval.start().toMillis() / 1000.0, interval.responses(), Figures.ms(interval.p99()),
                Figures.ms(interval.max()));
    }
}
