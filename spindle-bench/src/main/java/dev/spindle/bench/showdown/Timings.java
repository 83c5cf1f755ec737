package dev.spindle.bench.showdown;

import java.time.Duration;
import java.util.List;

/**
 * How long each scenario measures, and at what size: the default run fits in five minutes on two
 * cores with every model present, {@code --quick} in under a minute with the three core models.
 * Warm-ups are whole seconds: the lag monitor is reset when the generator reports the warm-up over.
 *
 * @param helloWarmup uncounted load before the hello run
 * @param hello the hello run's measured window
 * @param timelineConnections the connection counts of the timeline scenario
 * @param timelineWarmup uncounted load before each timeline run (the connections open in it)
 * @param timeline each timeline run's measured window
 * @param stallWarmup uncounted load before each stall run
 * @param stall each stall run's measured window
 * @param stallRate requests per second of {@code GET /} over the stall's 8 measuring clients: probes, 1.5
 *     a second each, so that even a loop stalled by back-to-back sums (a {@code GET /} may wait two
 *     of them, 2 x 260 ms here) keeps up between them, and the figures measure the stall, not a
 *     queue that grows for as long as the run lasts
 * @param computeN the {@code n} of {@code /compute} in the stall
 * @param cascadeBlock how long {@code /block} holds the server in the cascade
 * @param cascadeClients how many new clients connect during the block
 * @param quietPatience how long to wait before each model for the machine's other work to drop
 *     under 15% of its cores (it may be shared); zero not to wait
 */
public record Timings(Duration helloWarmup, Duration hello, List<Integer> timelineConnections, Duration timelineWarmup,
        Duration timeline, Duration stallWarmup, Duration stall, double stallRate, long computeN,
        Duration cascadeBlock, int cascadeClients, Duration quietPatience) {

    /** The default run. */
    public static final Timings DEFAULT = new Timings(Duration.ofSeconds(1), Duration.ofSeconds(3),
            List.of(100, 1_000, 10_000), Duration.ofSeconds(2), Duration.ofMillis(2500), Duration.ofSeconds(1),
            Duration.ofSeconds(5), 12, 1_000_000_000L, Duration.ofSeconds(5), 1_000, Duration.ofSeconds(20));

    /** {@code --quick}: the CI smoke run. */
    public static final Timings QUICK = new Timings(Duration.ofSeconds(1), Duration.ofSeconds(1),
            List.of(100, 1_000), Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1),
            Duration.ofSeconds(1), 12, 300_000_000L, Duration.ofSeconds(1), 200, Duration.ZERO);

    /** The warm-up of a timeline run at {@code connections}: 10,000 connections take longer to open. */
    Duration timelineWarmup(int connections) {
        return connections >= 5_000 ? timelineWarmup.plusSeconds(1) : timelineWarmup;
    }
}
