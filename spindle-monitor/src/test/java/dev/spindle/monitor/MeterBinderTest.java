package dev.spindle.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.loop.spi.LoopSpi;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MeterBinderTest {

    @Test
    void theLoopsNumbersAppearInARegistry() throws Exception {
        try (LoopThread loop = new LoopThread()) {
            LoopMonitor monitor = loop.onLoop(() -> LoopMonitor.start(loop.loop));
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            new LoopMonitorMeterBinder(monitor).bindTo(registry);

            assertThat(registry.get("spindle.eventloop.lag").tag("quantile", "0.99").gauge().value()).isNotNegative();
            assertThat(registry.get("spindle.eventloop.lag.max").gauge().value()).isNotNegative();
            assertThat(registry.get("spindle.eventloop.utilization").gauge().value()).isBetween(0.0, 1.0);
            assertThat(registry.get("spindle.eventloop.phase").tag("phase", "poll").functionCounter().count())
                    .isNotNegative();
            assertThat(registry.get("spindle.pool.queue.depth").tag("pool", "blocking").gauge().value()).isZero();
            assertThat(registry.get("spindle.http.shed").functionCounter().count()).isZero();

            LoopSpi spi = LoopSpi.of(loop.loop);
            loop.loop.execute(() -> spi.dispatch("job:report", () -> Spin.blockTheLoopFor(Duration.ofMillis(150))));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (registry.find("spindle.blocked.callbacks").tag("label", "job:report").functionCounter() == null
                    && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(registry.get("spindle.blocked.callbacks").tag("label", "job:report").functionCounter().count())
                    .isEqualTo(1);
            loop.onLoop(() -> { monitor.close(); return null; });
        }
    }
}
