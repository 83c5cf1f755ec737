package dev.spindle.cli.internal;

import dev.spindle.loop.Loop;
import dev.spindle.loop.LoopOptions;
import dev.spindle.loop.ManualClock;
import dev.spindle.loop.Promise;

/**
 * Node's classic ordering puzzle on a Spindle loop: a 0 ms timer, an immediate, a nextTick and a
 * promise continuation, scheduled by the "main script", then one turn of the loop.
 */
public final class FirstTurnDemo {

    /** Label of the 0 ms timer's callback in the trace. */
    public static final String TIMER = "timer(0 ms)";
    /** Label of the immediate's callback. */
    public static final String IMMEDIATE = "immediate";
    /** Label of the nextTick callback. */
    public static final String NEXT_TICK = "nextTick";
    /** Label of the promise continuation. */
    public static final String PROMISE_THEN = "promise.then";

    private FirstTurnDemo() {}

    /** Schedules the four callbacks, runs the loop for one turn and returns what happened. */
    public static TurnTrace run() {
        // In Node, whether a 0 ms timer beats an immediate scheduled beside it depends on whether
        // 1 ms (Node's minimum delay) passed before the first turn. A virtual clock makes that
        // certain, so the demo prints the same trace on every run.
        ManualClock clock = new ManualClock();
        TurnTrace trace = new TurnTrace();
        try (Loop loop = Loop.create(LoopOptions.builder().clock(clock).threadPoolSize(1).observer(trace).build())) {
            trace.stopAfterFirstTurn(loop);
            loop.setTimeout(() -> trace.ran(TIMER), 0);
            loop.setImmediate(() -> trace.ran(IMMEDIATE));
            loop.nextTick(() -> trace.ran(NEXT_TICK));
            Promise<String> promise = loop.promise();
            promise.then(value -> trace.ran(PROMISE_THEN));
            promise.resolve("done");
            clock.advanceMillis(1);
            loop.run();
        }
        return trace;
    }
}
