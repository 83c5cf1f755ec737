package dev.spindle.bench.jmh;

import dev.spindle.bench.LoopShapes;
import dev.spindle.bench.TimerStorm;
import dev.spindle.loop.Loop;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * libuv's {@code million_timers}: schedule a million timeouts, run the loop until all have fired,
 * and report the total time per million (scheduling included). The peer is the same shape in
 * {@code node/loop-shapes.js}. The varied delays span 1 to {@value LoopShapes#MAX_VARIED_DELAY_MILLIS}
 * ms, so that shape can never finish in less than that.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Threads(1)
public class MillionTimersBenchmark {

    private Loop loop;
    private TimerStorm sameDelay;
    private TimerStorm variedDelays;

    @Setup(Level.Trial)
    public void setUp() {
        loop = Loop.create();
        sameDelay = TimerStorm.sameDelay(loop).size(LoopShapes.TIMERS);
        variedDelays = TimerStorm.variedDelays(loop).size(LoopShapes.TIMERS);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        loop.close();
    }

    /** A million timers of {@value LoopShapes#SAME_DELAY_MILLIS} ms. */
    @Benchmark
    public int timersSameDelay() {
        LoopShapes.runInside(loop, sameDelay);
        return expect(sameDelay.fired());
    }

    /** A million timers of 1 to {@value LoopShapes#MAX_VARIED_DELAY_MILLIS} ms, created out of deadline order. */
    @Benchmark
    public int timersVariedDelays() {
        LoopShapes.runInside(loop, variedDelays);
        return expect(variedDelays.fired());
    }

    private static int expect(int fired) {
        if (fired != LoopShapes.TIMERS) {
            throw new IllegalStateException("fired " + fired + " timers, expected " + LoopShapes.TIMERS);
        }
        return fired;
    }
}
