package dev.spindle.bench.jmh;

import dev.spindle.bench.ImmediateBatch;
import dev.spindle.bench.ImmediateChain;
import dev.spindle.bench.LoopShapes;
import dev.spindle.bench.PromiseChain;
import dev.spindle.bench.TickChain;
import dev.spindle.loop.Loop;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Callbacks per second for immediates, nextTicks and resolved-promise chains, each operation a
 * million callbacks run inside {@link Loop#run()}. The peer is {@code node/loop-shapes.js}, which
 * runs the same shapes under the same names; {@code run-loop-bench.sh} puts them side by side.
 *
 * <p>Every benchmark method is named after its Node shape. The loop is created once per trial and
 * run to completion per operation; the callbacks are preallocated, so {@code -prof gc}'s
 * {@code gc.alloc.rate.norm} divided by nothing but the {@link OperationsPerInvocation} count is
 * what the loop allocates per callback.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(LoopShapes.CALLBACKS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Threads(1)
public class LoopShapesBenchmark {

    private Loop loop;
    private ImmediateChain immediateChain;
    private ImmediateBatch immediateBatch;
    private TickChain tickChain;
    private PromiseChain thenChain;
    private PromiseChain mapChain;
    private Runnable startImmediateChain;
    private Runnable startImmediateBatch;
    private Runnable startTickChain;
    private Runnable startThenChain;
    private Runnable startMapChain;

    @Setup(Level.Trial)
    public void setUp() {
        loop = Loop.create();
        immediateChain = new ImmediateChain(loop);
        immediateBatch = new ImmediateBatch(loop, LoopShapes.IMMEDIATE_BATCH);
        tickChain = new TickChain(loop);
        thenChain = new PromiseChain(loop, PromiseChain.Link.THEN);
        mapChain = new PromiseChain(loop, PromiseChain.Link.MAP);
        startImmediateChain = () -> immediateChain.start(LoopShapes.CALLBACKS);
        startImmediateBatch = () -> immediateBatch.start(LoopShapes.CALLBACKS);
        startTickChain = () -> tickChain.start(LoopShapes.CALLBACKS);
        startThenChain = () -> thenChain.start(LoopShapes.CALLBACKS, Boolean.TRUE);
        startMapChain = () -> mapChain.start(LoopShapes.CALLBACKS, Boolean.TRUE);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        loop.close();
    }

    /** Each immediate queues the next: one callback per loop turn. */
    @Benchmark
    public int immediateChain() {
        LoopShapes.runInside(loop, startImmediateChain);
        return expect(immediateChain.ran());
    }

    /** {@value LoopShapes#IMMEDIATE_BATCH} immediates per turn. */
    @Benchmark
    public int immediateBatch() {
        LoopShapes.runInside(loop, startImmediateBatch);
        return expect(immediateBatch.ran());
    }

    /** Each nextTick queues the next, drained after one callback. */
    @Benchmark
    public int nextTickChain() {
        LoopShapes.runInside(loop, startTickChain);
        return expect(tickChain.ran());
    }

    /** A million {@code then} links on a resolved promise. */
    @Benchmark
    public int promiseThenChain() {
        LoopShapes.runInside(loop, startThenChain);
        return expect(thenChain.ran());
    }

    /** A million {@code map} links on a resolved promise. */
    @Benchmark
    public int promiseMapChain() {
        LoopShapes.runInside(loop, startMapChain);
        return expect(mapChain.ran());
    }

    /** A shape that ran short is a broken benchmark, not a fast one. */
    private static int expect(int ran) {
        if (ran != LoopShapes.CALLBACKS) {
            throw new IllegalStateException("ran " + ran + " callbacks, expected " + LoopShapes.CALLBACKS);
        }
        return ran;
    }
}
