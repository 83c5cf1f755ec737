package dev.spindle.bench.showdown;

import dev.spindle.load.LoadOptions;

/** Scenario 1: plaintext {@code GET /} at 64 connections, closed loop. */
final class HelloScenario {

    static final int CONNECTIONS = 64;

    private HelloScenario() {}

    static void run(Bench bench, Model model, ServerProcess server) {
        Measured run = Measured.run(server, model, LoadOptions.builder(server.url("/")).connections(CONNECTIONS)
                .warmup(bench.timings.helloWarmup()).duration(bench.timings.hello()).build());
        Figures load = run.figures();
        bench.results.hello().add(new Rows.Hello(model.id(), load, run.peakRssMib(), run.lag(), run.otherWork()));
        bench.lag(model, "1 hello, 64 conns", run.lag());
        bench.say(String.format("  %-8s 1 hello       64 conns  %,9.0f req/s  p99 %8.2f ms  errors %d  other work %.0f%%",
                model.id(), load.requestsPerSecond(), load.p99Ms(), load.errors(), run.otherWork()));
    }
}
