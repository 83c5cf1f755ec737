package dev.spindle.bench.offload;

import dev.spindle.jobs.JobProcessor;
import dev.spindle.jobs.JobQueue;
import dev.spindle.jobs.JobQueueOptions;
import dev.spindle.jobs.SqliteStore;
import dev.spindle.loop.Loop;
import dev.spindle.loop.Promise;
import dev.spindle.workers.Workers;
import java.nio.file.Path;

/**
 * Jobs through the SQLite job queue, in the two phases the jobs benchmark times: storing
 * {@code n} adds (a producer keeping a window of adds outstanding), and processing {@code n}
 * stored jobs to completion with an empty handler, on the loop or on the worker pool. Each phase
 * runs inside {@link Loop#run()} on the calling thread and returns when it is done; it counts, it
 * times nothing.
 */
public final class JobRun {

    /** The job name every phase uses. */
    public static final String NAME = "bench";

    /** How the store commits. */
    public enum Commits {
        /** Group commit on (the default): the writes of a loop turn, or of an in-flight batch, share a transaction. */
        GROUPED(true, JobQueueOptions.DEFAULT_MAX_ADD_BATCH),
        /** Group commit off: each write its own transaction; adds still batched by the queue (up to 256 a transaction). */
        UNGROUPED(false, JobQueueOptions.DEFAULT_MAX_ADD_BATCH),
        /** No batching at all: each add, claim and completion its own transaction. */
        UNBATCHED(false, 1);

        private final boolean groupCommit;
        private final int maxAddBatch;

        Commits(boolean groupCommit, int maxAddBatch) {
            this.groupCommit = groupCommit;
            this.maxAddBatch = maxAddBatch;
        }
    }

    private JobRun() {}

    /** A queue on {@code file} committing as {@code commits}, running worker handlers on {@code workers}. Loop thread. */
    public static JobQueue open(Loop loop, Path file, Commits commits, boolean fullSync, Workers workers) {
        JobQueueOptions options = JobQueueOptions.builder().maxAddBatch(commits.maxAddBatch).workers(workers).build();
        return JobQueue.create(loop,
                SqliteStore.open(loop, file, SqliteStore.DEFAULT_BUSY_TIMEOUT, fullSync, commits.groupCommit), options);
    }

    /**
     * Adds {@code n} jobs, keeping {@code outstanding} adds waiting for the store at a time (a new
     * one as each is stored); answers how many were stored. Fails on the first add that fails.
     */
    public static int addAll(Loop loop, JobQueue queue, int n, int outstanding) {
        int[] sent = {0};
        int[] stored = {0};
        Throwable[] failure = {null};
        Runnable[] addOne = new Runnable[1];
        addOne[0] = () -> {
            int i = sent[0]++;
            queue.add(NAME, i).whenComplete((id, error) -> {
                if (error != null) {
                    failure[0] = failure[0] == null ? error : failure[0];
                    return;
                }
                stored[0]++;
                if (sent[0] < n && failure[0] == null) {
                    addOne[0].run();
                }
            });
        };
        loop.execute(() -> {
            for (int i = 0; i < Math.min(n, outstanding); i++) {
                addOne[0].run();
            }
        });
        loop.run();
        if (failure[0] != null) {
            throw new IllegalStateException("an add failed: " + failure[0], failure[0]);
        }
        return stored[0];
    }

    /**
     * Processes stored jobs with an empty handler, {@code concurrency} at a time, on the loop or on
     * the worker pool, until {@code n} have completed; then closes the processor, which lets the
     * jobs it has already taken finish. Answers how many completed: {@code n} when the queue held
     * {@code n} jobs.
     */
    public static int processAll(Loop loop, JobQueue queue, int n, int concurrency, boolean onWorkers) {
        int[] completed = {0};
        JobProcessor[] processor = new JobProcessor[1];
        queue.onCompleted(event -> {
            if (++completed[0] == n) {
                processor[0].close();
            }
        });
        loop.execute(() -> processor[0] = onWorkers
                ? queue.processOnWorkers(NAME, concurrency, job -> null)
                : queue.process(NAME, concurrency, job -> Promise.resolved(null)));
        loop.run();
        return completed[0];
    }

    /** Closes {@code queue} (and its store), running the loop until it has. */
    public static void close(Loop loop, JobQueue queue) {
        loop.execute(queue::close);
        loop.run();
    }
}
