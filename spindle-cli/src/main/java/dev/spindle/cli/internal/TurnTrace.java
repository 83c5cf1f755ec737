package dev.spindle.cli.internal;

import dev.spindle.loop.Loop;
import dev.spindle.loop.Phase;
import dev.spindle.loop.spi.LoopObserver;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Records the phases of a loop's first turn and which callback ran in which of them; callbacks
 * report themselves with {@link #ran}. Optionally stops the loop when that turn ends, so a program
 * runs exactly one turn. Loop thread only, like every {@link LoopObserver}.
 */
public final class TurnTrace implements LoopObserver {

    private final List<Phase> phases = new ArrayList<>();
    private final Map<Phase, List<String>> callbacks = new EnumMap<>(Phase.class);
    private final List<String> beforeFirstTurn = new ArrayList<>();
    private Loop stopAfterFirstTurn;
    private Phase current;
    private int turn;

    /** Asks {@code loop} to stop when the first turn's close phase ends. */
    public void stopAfterFirstTurn(Loop loop) {
        this.stopAfterFirstTurn = loop;
    }

    @Override
    public void onPhaseStart(Phase phase, long nanoTime) {
        if (phase == Phase.TIMERS) {
            turn++; // every turn starts with the timers phase
        }
        current = phase;
        if (turn == 1) {
            phases.add(phase);
        }
    }

    @Override
    public void onPhaseEnd(Phase phase, long nanoTime) {
        current = null;
        if (turn == 1 && phase == Phase.CLOSE && stopAfterFirstTurn != null) {
            stopAfterFirstTurn.stop();
        }
    }

    /** Notes that the callback {@code name} is running now, in the current phase (if any). */
    public void ran(String name) {
        if (turn == 0) {
            beforeFirstTurn.add(name);
        } else if (turn == 1 && current != null) {
            callbacks.computeIfAbsent(current, p -> new ArrayList<>()).add(name);
        }
    }

    /** The phases of the first turn, in the order they started. */
    public List<Phase> phases() {
        return List.copyOf(phases);
    }

    /** The callbacks that ran in {@code phase} of the first turn, in order. */
    public List<String> ranIn(Phase phase) {
        return List.copyOf(callbacks.getOrDefault(phase, List.of()));
    }

    /** The callbacks that ran after the main code but before the first turn (ticks, microtasks). */
    public List<String> ranBeforeFirstTurn() {
        return List.copyOf(beforeFirstTurn);
    }
}
