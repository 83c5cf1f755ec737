package dev.spindle.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.loop.Loop;
import dev.spindle.loop.LoopOptions;
import dev.spindle.loop.ManualClock;
import dev.spindle.loop.Phase;
import java.util.List;
import org.junit.jupiter.api.Test;

class TurnTraceTest {

    @Test
    void recordsEveryPhaseOfTheFirstTurnOnce() {
        TurnTrace trace = new TurnTrace();
        ManualClock clock = new ManualClock();
        try (Loop loop = Loop.create(LoopOptions.builder().clock(clock).observer(trace).build())) {
            // Two turns: the second timer is due only after the first turn's poll moved the clock.
            loop.setTimeout(() -> trace.ran("first"), 1);
            loop.setTimeout(() -> trace.ran("second"), 5);
            clock.advanceMillis(1);
            loop.run();
        }

        assertThat(trace.phases()).containsExactly(Phase.values());
        assertThat(trace.ranIn(Phase.TIMERS)).containsExactly("first");
    }

    @Test
    void stopsTheLoopAfterTheFirstTurnWhenAsked() {
        TurnTrace trace = new TurnTrace();
        ManualClock clock = new ManualClock();
        List<String> ran = new java.util.ArrayList<>();
        try (Loop loop = Loop.create(LoopOptions.builder().clock(clock).observer(trace).build())) {
            trace.stopAfterFirstTurn(loop);
            loop.setImmediate(() -> loop.setImmediate(() -> ran.add("next turn")));
            loop.run();
        }

        assertThat(ran).isEmpty();
    }

    @Test
    void separatesCallbacksBeforeTheFirstTurnFromThoseInIt() {
        TurnTrace trace = new TurnTrace();
        try (Loop loop = Loop.create(LoopOptions.builder().clock(new ManualClock()).observer(trace).build())) {
            loop.nextTick(() -> trace.ran("tick"));
            loop.setImmediate(() -> trace.ran("immediate"));
            loop.run();
        }

        assertThat(trace.ranBeforeFirstTurn()).containsExactly("tick");
        assertThat(trace.ranIn(Phase.CHECK)).containsExactly("immediate");
        assertThat(trace.ranIn(Phase.TIMERS)).isEmpty();
    }
}
