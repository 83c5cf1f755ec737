package dev.spindle.load.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.spindle.load.LoadOptions;
import dev.spindle.load.LoadReport;
import dev.spindle.loop.Loop;
import dev.spindle.loop.LoopOptions;
import dev.spindle.loop.ManualClock;
import dev.spindle.loop.Promise;
import java.time.Duration;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The constant-rate mode's arithmetic under a virtual clock, against a scripted server that answers
 * in 1 ms and stalls for 100 ms half a second in. Exact: no sockets, no real time.
 */
class CoordinatedOmissionTest {

    private static final long STALL_FROM = 500;
    private static final long STALL_UNTIL = 600;

    private record Run(LoadReport report, ScriptedServer server) {}

    private static Run run(Function<LoadOptions.Builder, LoadOptions.Builder> settings, long stallFrom, long stallUntil) {
        ManualClock clock = new ManualClock();
        try (Loop loop = Loop.create(LoopOptions.builder().clock(clock).threadPoolSize(1).build())) {
            ScriptedServer server = new ScriptedServer(loop, 1, stallFrom, stallUntil);
            LoadOptions options = settings.apply(LoadOptions.builder("http://127.0.0.1:9/").connections(1).clock(clock)).build();
            Promise<LoadReport> report = LoadEngine.start(loop, options, server);
            loop.run();
            return new Run(report.value().orElseThrow(), server);
        }
    }

    private static double millis(Duration duration) {
        return duration.toNanos() / 1e6;
    }

    @Test
    void withoutAStallEveryRequestTakesTheServiceTime() {
        Run run = run(options -> options.rate(100).duration(Duration.ofSeconds(1)), Long.MAX_VALUE, Long.MAX_VALUE);

        assertThat(run.report().responses()).isEqualTo(100);
        assertThat(millis(run.report().latency().max())).isCloseTo(1, within(0.01));
    }

    @Test
    void aStallShowsInEveryRequestThatWasDueDuringIt() {
        // 100 requests a second on one connection: one due every 10 ms. The one sent at 500 ms waits
        // out the stall (101 ms). The ten due at 510..600 ms could not go out, since the connection
        // still waited; they go back to back from 601 ms, and each counts from when it was due:
        // 92, 83, ..., 11 ms, and 2 ms for the one due at 610. The rest take the 1 ms of service.
        Run run = run(options -> options.rate(100).duration(Duration.ofSeconds(1)), STALL_FROM, STALL_UNTIL);
        LoadReport report = run.report();

        assertThat(report.responses()).isEqualTo(100);
        assertThat(run.server().requests).isEqualTo(100);
        assertThat(report.latency().count()).isEqualTo(100);
        assertThat(millis(report.latency().p50())).isCloseTo(1, within(0.01));
        assertThat(millis(report.latency().p90())).as("the 90th of 100: 88 at 1 ms, then 2 ms, then 11 ms")
                .isCloseTo(11, within(0.02));
        assertThat(millis(report.latency().p99())).isCloseTo(92, within(0.1));
        assertThat(millis(report.latency().max())).isCloseTo(101, within(0.1));
        double sum = 88 * 1 + 101 + 92 + 83 + 74 + 65 + 56 + 47 + 38 + 29 + 20 + 11 + 2;
        assertThat(millis(report.latency().mean())).isCloseTo(sum / 100, within(0.05));
    }

    @Test
    void aClosedLoopHidesTheSameStallInOneRequest() {
        // The coordinated omission the constant rate corrects: a closed-loop client waits politely
        // through the stall, so only the request in flight sees it.
        Run run = run(options -> options.requests(1000), STALL_FROM, STALL_UNTIL);
        LoadReport report = run.report();

        assertThat(report.responses()).isEqualTo(1000);
        assertThat(report.elapsed()).isEqualTo(Duration.ofMillis(1100));
        assertThat(millis(report.latency().p99())).isCloseTo(1, within(0.01));
        assertThat(millis(report.latency().max())).isCloseTo(101, within(0.1));
    }

    @Test
    void theCorrectionDoesNotDependOnWhereTheRequestsWaited() {
        // With room for 16 in flight the requests due during the stall go out on time and wait in
        // the server instead of in the generator. This server answers one at a time, so they come
        // back exactly as before, and measure the same: 101, 92, ..., 11, 2 ms.
        Run run = run(options -> options.rate(100).pipelining(16).duration(Duration.ofSeconds(1)), STALL_FROM, STALL_UNTIL);
        LoadReport report = run.report();

        assertThat(report.responses()).isEqualTo(100);
        assertThat(millis(report.latency().max())).isCloseTo(101, within(0.1));
        assertThat(millis(report.latency().p99())).isCloseTo(92, within(0.1));
        assertThat(millis(report.latency().p90())).isCloseTo(11, within(0.02));
    }

    @Test
    void aStallDuringTheWarmupIsNotCounted() {
        // The same stall, 200 ms into a 500 ms warm-up: the measured second that follows is clean.
        Run run = run(options -> options.rate(100).warmup(Duration.ofMillis(500)).duration(Duration.ofSeconds(1)), 200, 300);
        LoadReport report = run.report();

        assertThat(report.responses()).isEqualTo(100);
        assertThat(run.server().requests).isEqualTo(150);
        assertThat(report.elapsed()).isEqualTo(Duration.ofSeconds(1));
        assertThat(millis(report.latency().max())).isCloseTo(1, within(0.01));
    }

    @Test
    void theRateIsSpreadOverTheConnections() {
        // Two connections at 100 a second: each has one due every 20 ms, the second 10 ms after the
        // first, so the server sees one every 10 ms as before, and the same stall costs the same.
        Run run = run(options -> options.rate(100).connections(2).duration(Duration.ofSeconds(1)), STALL_FROM, STALL_UNTIL);
        LoadReport report = run.report();

        assertThat(report.responses()).isEqualTo(100);
        assertThat(millis(report.latency().p50())).isCloseTo(1, within(0.01));
        assertThat(millis(report.latency().max())).isCloseTo(101, within(0.1));
    }
}
