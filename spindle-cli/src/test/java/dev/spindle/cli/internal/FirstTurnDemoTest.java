package dev.spindle.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.loop.Phase;
import org.junit.jupiter.api.Test;

class FirstTurnDemoTest {

    @Test
    void runsNodesOrderingPuzzleTheWayNodeDoes() {
        TurnTrace trace = FirstTurnDemo.run();

        assertThat(trace.ranBeforeFirstTurn()).containsExactly(FirstTurnDemo.NEXT_TICK, FirstTurnDemo.PROMISE_THEN);
        assertThat(trace.ranIn(Phase.TIMERS)).containsExactly(FirstTurnDemo.TIMER);
        assertThat(trace.ranIn(Phase.CHECK)).containsExactly(FirstTurnDemo.IMMEDIATE);
        assertThat(trace.phases()).containsExactly(Phase.values());
    }
}
