package dev.spindle.bench.showdown;

import dev.spindle.load.LoadGenerator;
import dev.spindle.load.LoadOptions;
import dev.spindle.load.LoadReport;

/**
 * One measured load run against a model's server: the generator's report, the server's memory over
 * the run, and its event-loop lag over the measured window (when it has a monitor).
 *
 * @param report the load generator's report
 * @param rssBeforeKib the server's RSS before the run
 * @param peakRssKib the server's peak RSS during the run
 * @param lag the server's lag over the measured window; null without a monitor
 * @param otherWork the machine's work that was neither server nor generator over the run, % of all cores
 */
record Measured(LoadReport report, long rssBeforeKib, long peakRssKib, Lag lag, double otherWork) {

    /**
     * Runs {@code options} against {@code server}; the server's lag monitor is reset when the warm-up
     * ends (the generator reports progress on whole seconds, so give whole-second warm-ups).
     */
    static Measured run(ServerProcess server, Model model, LoadOptions options) {
        boolean[] reset = {options.warmup().isZero()};
        if (reset[0] && model.hasLagMonitor()) {
            Lag.read(server.url("/lag"));
        }
        LoadReport report;
        MemoryWatch memory = MemoryWatch.start(server.pid());
        OtherWork other = OtherWork.start(server.pid());
        try {
            report = LoadGenerator.run(options, progress -> {
                if (!reset[0] && !progress.warmingUp()) {
                    reset[0] = true;
                    if (model.hasLagMonitor()) {
                        Lag.read(server.url("/lag"));
                    }
                }
            });
        } finally {
            memory.close();
        }
        Lag lag = model.hasLagMonitor() ? Lag.read(server.url("/lag")).orElse(null) : null;
        return new Measured(report, memory.beforeKib(), memory.peakKib(), lag, other.percent());
    }

    /** The run's figures for the tables. */
    Figures figures() {
        return Figures.of(report);
    }

    /** Peak RSS in MiB, one decimal. */
    double peakRssMib() {
        return Math.round(peakRssKib / 102.4) / 10.0;
    }
}
