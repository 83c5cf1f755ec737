package dev.spindle.cli.internal.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.cli.SimpleHttp;
import org.junit.jupiter.api.Test;

/** {@code /compute/worker} on a pool of one thread and no queue: a busy pool answers 503 at once. */
class DemoWorkerRouteTest {

    @Test
    void aBusyPoolAnswers503WithRetryAfter() throws Exception {
        try (DemoOnOneWorker demo = new DemoOnOneWorker("demo-test", 0)) {
            demo.occupyWorker();

            SimpleHttp busy = SimpleHttp.get(demo.server.port(), "/compute/worker");
            assertThat(busy.status()).isEqualTo(503);
            assertThat(busy.header("retry-after")).isEqualTo("1");
            assertThat(SimpleHttp.get(demo.server.port(), "/").body()).as("the loop still answers").isEqualTo("Hello, World!");

            demo.releaseWorker();
            DemoOnOneWorker.awaitTrue(() -> demo.workers.stats().active() == 0, "the thread is free again");
            SimpleHttp computed = SimpleHttp.get(demo.server.port(), "/compute/worker");
            assertThat(computed.status()).isEqualTo(200);
            assertThat(computed.body()).isEqualTo("Result: 499999999500000000");
            assertThat(demo.workers.stats().rejected()).isEqualTo(1);
        }
    }
}
