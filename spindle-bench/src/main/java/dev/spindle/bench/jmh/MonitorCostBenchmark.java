package dev.spindle.bench.jmh;

import dev.spindle.bench.DispatchBatch;
import dev.spindle.bench.LoopShapes;
import dev.spindle.bench.http.SpindleBenchServer;
import dev.spindle.loop.Loop;
import dev.spindle.monitor.LoopMonitor;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the loop monitor costs per dispatch: {@value #DISPATCHES} immediates, {@value #BATCH} per
 * turn, with the monitor off and on (lag probe, utilization, phase times, per-label time, the
 * watchdog thread, shedding thresholds armed). {@code labelledDispatch} nests a route-labelled
 * dispatch in each immediate, as an I/O read runs an HTTP route. Average time per immediate;
 * {@code -prof gc}'s {@code gc.alloc.rate.norm} is bytes per immediate.
 *
 * <pre>java -jar spindle-bench/target/benchmarks.jar MonitorCostBenchmark -prof gc</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@OperationsPerInvocation(MonitorCostBenchmark.DISPATCHES)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Threads(1)
public class MonitorCostBenchmark {

    static final int DISPATCHES = 100_000;
    static final int BATCH = 16;

    @Param({"off", "on"})
    public String monitor;

    private Loop loop;
    private LoopMonitor loopMonitor;
    private DispatchBatch plain;
    private DispatchBatch labelled;
    private Runnable startPlain;
    private Runnable startLabelled;

    @Setup(Level.Trial)
    public void setUp() {
        loop = Loop.create();
        if (monitor.equals("on")) {
            loopMonitor = LoopMonitor.start(loop, SpindleBenchServer.everythingOn());
        }
        plain = new DispatchBatch(loop, BATCH, false);
        labelled = new DispatchBatch(loop, BATCH, true);
        startPlain = () -> plain.start(DISPATCHES);
        startLabelled = () -> labelled.start(DISPATCHES);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (loopMonitor != null) {
            loop.execute(loopMonitor::close);
            loop.run();
        }
        loop.close();
    }

    /** Immediates alone: one dispatch each, plus the phases of one turn per {@value #BATCH}. */
    @Benchmark
    public int immediate() {
        LoopShapes.runInside(loop, startPlain);
        return expect(plain.ran());
    }

    /** Each immediate dispatches a nested route-labelled callback: two dispatches each. */
    @Benchmark
    public int labelledDispatch() {
        LoopShapes.runInside(loop, startLabelled);
        expect(labelled.routes());
        return expect(labelled.ran());
    }

    private static int expect(int ran) {
        if (ran != DISPATCHES) {
            throw new IllegalStateException("ran " + ran + " callbacks, expected " + DISPATCHES);
        }
        return ran;
    }
}
