package dev.spindle.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.loop.Promise;
import dev.spindle.loop.spi.LoopSpi;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The watchdog names the culprit while it still holds the loop: each blocking callback here spins
 * until the watchdog's warning arrives, so no test guesses at timing.
 */
class WatchdogTest {

    private static final Duration THRESHOLD = Duration.ofMillis(50);

    private final BlockingQueue<LoopBlock> seen = new LinkedBlockingQueue<>();
    private final AtomicBoolean warned = new AtomicBoolean();

    private LoopMonitor start(LoopThread loop, boolean watchdog) {
        return loop.onLoop(() -> {
            LoopMonitor monitor = LoopMonitor.start(loop.loop,
                    MonitorOptions.builder().blockedThreshold(THRESHOLD).watchdog(watchdog).build());
            monitor.onBlocked(block -> {
                seen.add(block);
                if (!block.ended()) {
                    warned.set(true);
                }
            });
            return monitor;
        });
    }

    /** Holds the loop thread until the watchdog has warned (or 10 s, to fail rather than hang). */
    static void spinUntilTheWatchdogWarns(AtomicBoolean warned) {
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!warned.get() && System.nanoTime() < giveUp) {
            Thread.onSpinWait();
        }
    }

    private LoopBlock next() throws InterruptedException {
        LoopBlock block = seen.poll(10, TimeUnit.SECONDS);
        assertThat(block).as("a report from the watchdog").isNotNull();
        return block;
    }

    private void assertOneBlock(LoopMonitor monitor, String label) throws InterruptedException {
        LoopBlock warning = next();
        assertThat(warning.ended()).isFalse();
        assertThat(warning.label()).isEqualTo(label);
        assertThat(warning.durationNanos()).isGreaterThanOrEqualTo(THRESHOLD.toNanos());
        assertThat(warning.stack()).as("the loop thread's stack while blocked")
                .anySatisfy(frame -> {
                    assertThat(frame.getClassName()).isEqualTo(WatchdogTest.class.getName());
                    assertThat(frame.getMethodName()).isEqualTo("spinUntilTheWatchdogWarns");
                });
        assertThat(warning.stack().getFirst().getMethodName()).isIn("spinUntilTheWatchdogWarns", "onSpinWait", "nanoTime", "get");

        LoopBlock end = next();
        assertThat(end.ended()).isTrue();
        assertThat(end.label()).isEqualTo(label);
        assertThat(end.durationNanos()).isGreaterThanOrEqualTo(warning.durationNanos());

        assertThat(monitor.blocked()).singleElement().satisfies(b -> {
            assertThat(b.label()).isEqualTo(label);
            assertThat(b.count()).as("one warning per block").isEqualTo(1);
            assertThat(b.worstNanos()).isEqualTo(end.durationNanos());
            assertThat(b.lastNanos()).isEqualTo(end.durationNanos());
            assertThat(b.lastStack()).isEqualTo(warning.stack());
        });
    }

    @Test
    void aTimerThatHoldsTheLoopIsNamedWithItsStack() throws Exception {
        try (LoopThread loop = new LoopThread()) {
            LoopMonitor monitor = start(loop, true);
            loop.onLoop(() -> loop.loop.setTimeout(() -> spinUntilTheWatchdogWarns(warned), 1));
            assertOneBlock(monitor, "timer");
            loop.onLoop(() -> { monitor.close(); return null; });
        }
    }

    @Test
    void aPromiseContinuationIsCaughtUnderTheDispatchThatRanIt() throws Exception {
        try (LoopThread loop = new LoopThread()) {
            LoopMonitor monitor = start(loop, true);
            Promise<String> promise = loop.onLoop(() -> {
                Promise<String> p = loop.loop.promise();
                p.then(value -> spinUntilTheWatchdogWarns(warned));
                return p;
            });
            promise.resolve("go"); // from this thread: settled on the loop, in the pending phase
            assertOneBlock(monitor, "pending");
            loop.onLoop(() -> { monitor.close(); return null; });
        }
    }

    @Test
    void aLabelledDispatchIsNamedByItsInnermostLabel() throws Exception {
        try (LoopThread loop = new LoopThread()) {
            LoopMonitor monitor = start(loop, true);
            LoopSpi spi = LoopSpi.of(loop.loop);
            loop.loop.execute(() -> spi.dispatch("job:resize-images", () -> spinUntilTheWatchdogWarns(warned)));
            assertOneBlock(monitor, "job:resize-images");
            String metrics = loop.onLoop(monitor::prometheusText);
            assertThat(Prometheus.parse(metrics).value("spindle_blocked_callbacks_total", "label", "job:resize-images"))
                    .isEqualTo(1.0);
            loop.onLoop(() -> { monitor.close(); return null; });
        }
    }

    @Test
    void switchedOffItReportsNothing() throws Exception {
        try (LoopThread loop = new LoopThread()) {
            LoopMonitor monitor = start(loop, false);
            CountDownLatch done = new CountDownLatch(1);
            loop.loop.execute(() -> {
                long end = System.nanoTime() + THRESHOLD.toNanos() * 3;
                while (System.nanoTime() < end) {
                    Thread.onSpinWait();
                }
                done.countDown();
            });
            assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
            loop.onLoop(() -> { monitor.close(); return null; }); // joins nothing: there is no watchdog thread
            assertThat(seen).isEmpty();
            assertThat(monitor.blocked()).isEmpty();
            assertThat(Prometheus.parse(loop.onLoop(monitor::prometheusText)).value("spindle_watchdog_threshold_seconds"))
                    .isZero();
        }
    }
}
