package dev.spindle.bench.showdown;

import dev.spindle.load.LoadOptions;

/**
 * Scenario 2: the seed's request timeline ({@code GET /timeline}: 1 ms parse, 2 ms auth, a 50 ms
 * database wait, 1 ms format) at each connection count, closed loop; no server can answer more than
 * connections / 55 ms. A count above what the open-files limit allows is lowered, and said so.
 */
final class TimelineScenario {

    /** One request's timeline: 54 ms of waits plus about 1 ms of the rest. */
    static final double REQUEST_MILLIS = 55;
    /** File descriptors kept for everything but the connections. */
    private static final long SPARE_FILES = 200;

    private TimelineScenario() {}

    /** The most any server can answer at {@code connections}: one request per connection per 55 ms. */
    static double limit(int connections) {
        return Math.round(connections * 1000 / REQUEST_MILLIS * 10) / 10.0;
    }

    static void run(Bench bench, Model model, ServerProcess server) {
        for (int asked : bench.timings.timelineConnections()) {
            int connections = affordable(bench, asked);
            Measured run = Measured.run(server, model, LoadOptions.builder(server.url("/timeline"))
                    .connections(connections).warmup(bench.timings.timelineWarmup(connections))
                    .duration(bench.timings.timeline()).build());
            Figures load = run.figures();
            double limit = limit(connections);
            double kibPerConnection = Math.round(Math.max(0, run.peakRssKib() - run.rssBeforeKib()) * 100.0 / connections) / 100.0;
            bench.results.timeline().add(new Rows.Timeline(model.id(), connections, limit,
                    Math.round(load.requestsPerSecond() * 1000 / limit) / 10.0, load, run.peakRssMib(), kibPerConnection,
                    run.lag(), run.otherWork()));
            bench.lag(model, "2 timeline, " + connections + " conns", run.lag());
            bench.say(String.format("  %-8s 2 timeline %6d conns  %,9.0f req/s  (%4.1f%% of %,.0f)  p99 %8.2f ms  errors %d"
                    + "  other work %.0f%%", model.id(), connections, load.requestsPerSecond(),
                    load.requestsPerSecond() * 100 / limit, limit, load.p99Ms(), load.errors(), run.otherWork()));
        }
    }

    private static int affordable(Bench bench, int connections) {
        long files = Machine.openFilesLimit();
        if (files < 0 || files >= connections + SPARE_FILES) {
            return connections;
        }
        int lowered = (int) Math.max(1, files - SPARE_FILES);
        bench.say("  open-files limit (ulimit -n) is " + files + ": " + connections + " connections lowered to " + lowered);
        return lowered;
    }
}
