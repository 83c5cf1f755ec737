package dev.spindle.bench.jmh;

import dev.spindle.bench.offload.JobRun;
import dev.spindle.jobs.JobQueue;
import dev.spindle.loop.Loop;
import dev.spindle.workers.WorkerPoolOptions;
import dev.spindle.workers.Workers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
 * Jobs per second through the SQLite job queue, on a fresh database file per operation:
 * {@code add} stores {@value #JOBS} jobs with {@value #OUTSTANDING} adds outstanding (adds/s);
 * {@code processOnLoop} and {@code processOnWorkers} run {@value #JOBS} stored jobs to completion
 * with an empty handler, {@value #CONCURRENCY} at a time (completions/s). The peer is the same
 * store with group commit off ({@code commits=UNGROUPED}), and for adds also with the queue's own
 * add batching off ({@code UNBATCHED}): the before and after of batching, in one run.
 *
 * <p>Files go to {@code -Dspindle.bench.dir} (default: the JVM's temp folder); {@code fullSync}
 * adds an fsync per commit. The worker pool has {@link OffloadRoundTripBenchmark#POOL} threads.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(JobQueueBenchmark.JOBS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Threads(1)
public class JobQueueBenchmark {

    /** Jobs per operation. */
    public static final int JOBS = 10_000;

    /** Adds waiting for the store at a time in the add benchmark (the queue's limit is 1,024). */
    public static final int OUTSTANDING = 1_000;

    /** The processors' concurrency. */
    public static final int CONCURRENCY = 100;

    /** A loop and a folder for one trial, and a fresh queue on a new file for each operation. */
    @State(Scope.Thread)
    public abstract static class Queues {

        @Param({"false"})
        public boolean fullSync;

        Loop loop;
        Workers workers;
        JobQueue queue;
        private Path dir;
        private int files;

        abstract JobRun.Commits commits();

        @Setup(Level.Trial)
        public void startTrial() throws IOException {
            loop = Loop.create();
            workers = Workers.create(loop, WorkerPoolOptions.builder().name("jobs-bench")
                    .minThreads(OffloadRoundTripBenchmark.POOL).maxThreads(OffloadRoundTripBenchmark.POOL)
                    .maxQueue(2 * CONCURRENCY).build());
            String base = System.getProperty("spindle.bench.dir", System.getProperty("java.io.tmpdir"));
            dir = Files.createTempDirectory(Path.of(base), "spindle-jobs-bench");
        }

        void openQueue() {
            Path file = dir.resolve("jobs-" + (++files) + ".db");
            loop.execute(() -> queue = JobRun.open(loop, file, commits(), fullSync, workers));
            loop.run();
        }

        @TearDown(Level.Invocation)
        public void closeQueue() {
            JobRun.close(loop, queue);
            deleteFiles();
        }

        @TearDown(Level.Trial)
        public void endTrial() throws IOException {
            workers.close();
            loop.close();
            Files.deleteIfExists(dir);
        }

        private void deleteFiles() {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** An empty queue per operation. */
    public static class Empty extends Queues {

        @Param({"GROUPED", "UNGROUPED", "UNBATCHED"})
        public JobRun.Commits commits;

        @Override
        JobRun.Commits commits() {
            return commits;
        }

        @Setup(Level.Invocation)
        public void open() {
            openQueue();
        }
    }

    /** A queue holding {@value #JOBS} waiting jobs per operation (stored before the clock starts). */
    public static class Filled extends Queues {

        @Param({"GROUPED", "UNGROUPED"})
        public JobRun.Commits commits;

        @Override
        JobRun.Commits commits() {
            return commits;
        }

        @Setup(Level.Invocation)
        public void open() {
            openQueue();
            expect(JobRun.addAll(loop, queue, JOBS, OUTSTANDING));
        }
    }

    /** Stores {@value #JOBS} adds, {@value #OUTSTANDING} outstanding. */
    @Benchmark
    public int add(Empty state) {
        return expect(JobRun.addAll(state.loop, state.queue, JOBS, OUTSTANDING));
    }

    /** Runs {@value #JOBS} jobs to completion with an empty handler on the loop. */
    @Benchmark
    public int processOnLoop(Filled state) {
        return expect(JobRun.processAll(state.loop, state.queue, JOBS, CONCURRENCY, false));
    }

    /** Runs {@value #JOBS} jobs to completion with an empty handler on the worker pool. */
    @Benchmark
    public int processOnWorkers(Filled state) {
        return expect(JobRun.processAll(state.loop, state.queue, JOBS, CONCURRENCY, true));
    }

    private static int expect(int done) {
        if (done != JOBS) {
            throw new IllegalStateException("did " + done + " jobs, expected " + JOBS);
        }
        return done;
    }
}
