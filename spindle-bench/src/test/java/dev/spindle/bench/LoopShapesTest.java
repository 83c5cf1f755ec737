package dev.spindle.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.loop.Loop;
import dev.spindle.loop.LoopOptions;
import dev.spindle.loop.ManualClock;
import dev.spindle.loop.Phase;
import dev.spindle.loop.spi.LoopObserver;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The shapes run exactly the work they claim, in the turns they claim; nothing here is timed. */
class LoopShapesTest {

    /** Counts check phases and the most immediates any one of them ran. */
    static final class CheckPhases implements LoopObserver {
        int phasesWithImmediates;
        int maxImmediatesPerPhase;
        private int inPhase;

        @Override
        public void onPhaseStart(Phase phase, long nanoTime) {
            if (phase == Phase.CHECK) {
                inPhase = 0;
            }
        }

        @Override
        public void onDispatchStart(String label, long nanoTime) {
            if (label.equals("immediate")) {
                inPhase++;
            }
        }

        @Override
        public void onPhaseEnd(Phase phase, long nanoTime) {
            if (phase == Phase.CHECK && inPhase > 0) {
                phasesWithImmediates++;
                maxImmediatesPerPhase = Math.max(maxImmediatesPerPhase, inPhase);
            }
        }
    }

    private final CheckPhases checks = new CheckPhases();
    private final ManualClock clock = new ManualClock();
    private final Loop loop = Loop.create(LoopOptions.builder().clock(clock).observer(checks).build());

    @AfterEach
    void closeLoop() {
        loop.close();
    }

    @Test
    void immediateChainRunsOneImmediatePerTurn() {
        ImmediateChain chain = new ImmediateChain(loop);

        LoopShapes.runInside(loop, () -> chain.start(10_000));

        assertThat(chain.ran()).isEqualTo(10_000);
        assertThat(checks.phasesWithImmediates).isEqualTo(10_000);
        assertThat(checks.maxImmediatesPerPhase).isEqualTo(1);
    }

    @Test
    void immediateBatchRunsOneBatchPerTurn() {
        ImmediateBatch batch = new ImmediateBatch(loop, 100);

        LoopShapes.runInside(loop, () -> batch.start(10_050)); // the last batch is short

        assertThat(batch.ran()).isEqualTo(10_050);
        assertThat(checks.phasesWithImmediates).isEqualTo(101);
        assertThat(checks.maxImmediatesPerPhase).isEqualTo(100);
    }

    @Test
    void tickChainRunsEveryTickWithinOneCallback() {
        TickChain chain = new TickChain(loop);

        LoopShapes.runInside(loop, () -> chain.start(100_000));

        assertThat(chain.ran()).isEqualTo(100_000);
        assertThat(checks.phasesWithImmediates).isZero();
    }

    @Test
    void promiseChainsRunEveryLinkAndPassTheValueThrough() {
        for (PromiseChain.Link link : PromiseChain.Link.values()) {
            PromiseChain chain = new PromiseChain(loop, link);

            LoopShapes.runInside(loop, () -> chain.start(50_000, "seed"));

            assertThat(chain.ran()).as(link.name()).isEqualTo(50_000);
            assertThat(chain.result()).as(link.name()).isEqualTo("seed");
        }
    }

    @Test
    void shapesCanRunAgainOnTheSameLoop() {
        ImmediateChain chain = new ImmediateChain(loop);
        for (int i = 0; i < 3; i++) {
            LoopShapes.runInside(loop, () -> chain.start(1_000));
            assertThat(chain.ran()).isEqualTo(1_000);
        }
    }

    @Test
    void sameDelayTimersAllFireAtOneMillisecond() {
        TimerStorm storm = TimerStorm.sameDelay(loop).size(20_000);

        LoopShapes.runInside(loop, storm); // the virtual clock jumps to each deadline: no waiting

        assertThat(storm.fired()).isEqualTo(20_000);
        assertThat(loop.now()).isEqualTo(LoopShapes.SAME_DELAY_MILLIS);
    }

    @Test
    void variedDelayTimersAllFireByTheLargestDelay() {
        TimerStorm storm = TimerStorm.variedDelays(loop).size(20_000);

        LoopShapes.runInside(loop, storm);

        assertThat(storm.fired()).isEqualTo(20_000);
        assertThat(loop.now()).isEqualTo(LoopShapes.MAX_VARIED_DELAY_MILLIS);
    }

    @Test
    void variedDelaysCoverTheRangeOutOfOrder() {
        Set<Long> firstCycle = new HashSet<>();
        boolean descends = false;
        for (int i = 0; i < LoopShapes.MAX_VARIED_DELAY_MILLIS; i++) {
            long delay = LoopShapes.variedDelayMillis(i);
            assertThat(delay).isBetween(1L, (long) LoopShapes.MAX_VARIED_DELAY_MILLIS);
            firstCycle.add(delay);
            descends |= i > 0 && delay < LoopShapes.variedDelayMillis(i - 1);
        }
        assertThat(firstCycle).hasSize(LoopShapes.MAX_VARIED_DELAY_MILLIS);
        assertThat(descends).isTrue();
        // Larger indices must not overflow into negative delays.
        assertThat(LoopShapes.variedDelayMillis(LoopShapes.TIMERS - 1)).isPositive();
    }
}
