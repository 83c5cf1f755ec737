package dev.spindle.bench.jmh;

import dev.spindle.bench.ExecutorPeer;
import dev.spindle.bench.TaskBatch;
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
 * Cross-thread task throughput, end to end: producer threads (JMH's benchmark threads) each hand
 * a batch of {@value #BATCH} no-op tasks to one single-threaded executor and wait until their last
 * task has run. The score is tasks completed per second, summed over the producers. The executor
 * is a Spindle loop ({@code Loop.start()} plus {@code keepAlive()}) or one of its peers: Netty's
 * {@code DefaultEventLoop}, Netty's NIO event loop, and {@code Executors.newSingleThreadExecutor()}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(ExecuteThroughputBenchmark.BATCH)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ExecuteThroughputBenchmark {

    /** Tasks per producer per operation. */
    public static final int BATCH = 100_000;

    @Param({ExecutorPeer.SPINDLE, ExecutorPeer.NETTY_DEFAULT, ExecutorPeer.NETTY_NIO, ExecutorPeer.JDK_SINGLE})
    public String executor;

    private ExecutorPeer peer;

    /** One producer's reusable batch; created on, and bound to, its benchmark thread. */
    @State(Scope.Thread)
    public static class Producer {
        TaskBatch batch;

        @Setup(Level.Trial)
        public void setUp() {
            batch = new TaskBatch();
        }
    }

    @Setup(Level.Trial)
    public void setUp() {
        peer = ExecutorPeer.start(executor);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        peer.close();
    }

    /** One producer thread. */
    @Benchmark
    @Threads(1)
    public long oneProducer(Producer producer) {
        producer.batch.submit(peer, BATCH);
        return producer.batch.submitted();
    }

    /** Two producer threads against the same executor (the machine has two cores). */
    @Benchmark
    @Threads(2)
    public long twoProducers(Producer producer) {
        producer.batch.submit(peer, BATCH);
        return producer.batch.submitted();
    }
}
