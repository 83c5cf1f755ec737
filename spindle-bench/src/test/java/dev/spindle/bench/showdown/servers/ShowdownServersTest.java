package dev.spindle.bench.showdown.servers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.bench.http.BenchServer;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each Java model, started in this JVM on an ephemeral port, answers the showdown contract over a
 * real socket: every route, {@code /block} holding the loop models and not the thread models,
 * {@code /lag} where there is a lag monitor, and {@code --backlog} reaching {@code listen(2)}.
 */
class ShowdownServersTest {

    /** The backlog the tests ask for: unlike any default, so seeing it proves it got through. */
    private static final int BACKLOG = 77;

    enum Model {
        THREADS(false, false, port -> ThreadPoolServer.start(port, BACKLOG)),
        VIRTUAL(false, false, port -> VirtualThreadServer.start(port, BACKLOG)),
        SPINDLE(true, true, port -> SpindleShowdownServer.start(port, BACKLOG)),
        NETTY(true, false, port -> NettyShowdownServer.start(port, BACKLOG)),
        VERTX(true, false, port -> VertxShowdownServer.start(port, BACKLOG));

        final boolean loop;
        final boolean lag;
        final IntFunction<BenchServer> start;

        Model(boolean loop, boolean lag, IntFunction<BenchServer> start) {
            this.loop = loop;
            this.lag = lag;
            this.start = start;
        }
    }

    static Stream<Arguments> models() {
        return Stream.of(Model.values()).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void answersTheContract(Model model) throws Exception {
        try (BenchServer server = model.start.apply(0); ShowdownChecks checks = new ShowdownChecks(server.port())) {
            assertThat(ShowdownChecks.listenBacklog(server.port())).as("the backlog given to listen(2)").isEqualTo(BACKLOG);

            checks.answersEveryRoute();

            long slowest = checks.slowestHelloDuringBlock();
            if (model.loop) {
                assertThat(slowest).as("a GET / waits out the loop's block").isGreaterThanOrEqualTo(ShowdownChecks.BLOCK_MILLIS / 2);
            } else {
                assertThat(slowest).as("GET / is served on another thread meanwhile").isLessThan(ShowdownChecks.BLOCK_MILLIS / 2);
            }

            if (model.lag) {
                checks.lagReportsAndResets();
            } else {
                assertThat(checks.get("/lag").statusCode()).isEqualTo(404);
            }
        }
    }
}
