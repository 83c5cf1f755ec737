package dev.spindle.bench.jmh;

import dev.spindle.bench.offload.RoundTrips;
import dev.spindle.loop.Loop;
import dev.spindle.loop.LoopOptions;
import dev.spindle.workers.WorkerPoolOptions;
import dev.spindle.workers.Workers;
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
 * An empty task ({@code () -> null}) from the loop to a pool and its promise back on the loop:
 * {@link Workers#run} and the blocking pool's {@link Loop#offload}. The {@code OneInFlight} shapes
 * chain {@value #CHAIN} round trips, one outstanding at a time, and report microseconds per round
 * trip; the {@code ManyInFlight} shapes keep {@value #IN_FLIGHT} outstanding over {@value #MANY}
 * tasks and report tasks per second. The peer is {@code node/worker-roundtrip.js} ({@code
 * worker_threads}, {@code postMessage} both ways) under the same names.
 *
 * <p>The worker pool has {@code spindle.bench.pool} threads (default: the cores), all started
 * up front and kept ({@code minThreads = maxThreads}), and a queue deep enough for every
 * outstanding task; Node's pool for the many-in-flight shape has as many workers. The blocking pool
 * has its default four threads.
 */
@State(Scope.Thread)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Threads(1)
public class OffloadRoundTripBenchmark {

    /** Round trips per operation of the one-in-flight shapes. */
    public static final int CHAIN = 10_000;

    /** Tasks per operation of the many-in-flight shapes. */
    public static final int MANY = 100_000;

    /** Tasks outstanding at once in the many-in-flight shapes. */
    public static final int IN_FLIGHT = 1_000;

    /** Worker threads: {@code -Dspindle.bench.pool=N}, default the available processors. */
    public static final int POOL = Integer.getInteger("spindle.bench.pool", Runtime.getRuntime().availableProcessors());

    private Loop loop;
    private Workers workers;
    private RoundTrips onWorkers;
    private RoundTrips onBlockingPool;

    @Setup(Level.Trial)
    public void setUp() {
        loop = Loop.create(LoopOptions.builder().threadPoolQueueCapacity(2 * IN_FLIGHT).build());
        workers = Workers.create(loop, WorkerPoolOptions.builder().name("bench")
                .minThreads(POOL).maxThreads(POOL).maxQueue(2 * IN_FLIGHT).build());
        onWorkers = new RoundTrips(workers::run);
        onBlockingPool = new RoundTrips(loop::offload);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        workers.close();
        loop.close();
    }

    /** {@value #CHAIN} {@code Workers.run} round trips, one after another. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @OperationsPerInvocation(CHAIN)
    public int workersOneInFlight() {
        return expect(onWorkers.runInside(loop, CHAIN, 1), CHAIN);
    }

    /** {@value #MANY} {@code Workers.run} tasks, {@value #IN_FLIGHT} outstanding. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(MANY)
    public int workersManyInFlight() {
        return expect(onWorkers.runInside(loop, MANY, IN_FLIGHT), MANY);
    }

    /** {@value #CHAIN} {@code loop.offload} round trips, one after another. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @OperationsPerInvocation(CHAIN)
    public int offloadOneInFlight() {
        return expect(onBlockingPool.runInside(loop, CHAIN, 1), CHAIN);
    }

    /** {@value #MANY} {@code loop.offload} tasks, {@value #IN_FLIGHT} outstanding. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(MANY)
    public int offloadManyInFlight() {
        return expect(onBlockingPool.runInside(loop, MANY, IN_FLIGHT), MANY);
    }

    private static int expect(int completed, int wanted) {
        if (completed != wanted) {
            throw new IllegalStateException("completed " + completed + " tasks, expected " + wanted);
        }
        return completed;
    }
}
