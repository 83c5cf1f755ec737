package dev.spindle.jobs.internal.sqlite;

import dev.spindle.jobs.JobStoreException;
import dev.spindle.loop.Loop;
import dev.spindle.loop.Promise;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Group commit for one store's writes. Writes issued in the same loop turn, and those issued while
 * a batch is being committed, go into the next batch: up to {@code maxBatch} calls, run in order
 * in one transaction on one blocking-pool thread. One batch is in flight at a time, so the store's
 * writes also reach the database in the order they were issued.
 *
 * <p>Each call keeps its own outcome. A call that throws rejects only its own promise: the
 * transaction is rolled back and the rest of the batch runs again, without it, in a new one. A
 * failure of the transaction itself (begin or commit: the write lock not granted in time, a full
 * disk) rejects every call of the batch. Loop thread only, except {@link #commit}.
 */
final class GroupCommit {

    /** A call waiting for its batch, and the promise it settles. */
    private static final class Write<T> {
        final SqlCall<T> work;
        final Promise<T> promise;
        T value;
        Throwable error;

        Write(SqlCall<T> work, Promise<T> promise) {
            this.work = work;
            this.promise = promise;
        }

        void run(Connection connection) throws SQLException {
            value = work.run(connection);
        }

        void settle() {
            if (error != null) {
                promise.reject(error);
            } else {
                promise.resolve(value);
            }
        }
    }

    /** A call of the batch threw: which one, and what. Unchecked, so the transaction rolls back. */
    private static final class CallFailed extends RuntimeException {
        final transient Write<?> write;

        CallFailed(Write<?> write, Throwable cause) {
            super(null, cause, false, false);
            this.write = write;
        }
    }

    private final Loop loop;
    private final Connections connections;
    private final int maxBatch;
    private final ArrayDeque<Write<?>> pending = new ArrayDeque<>();
    private final List<Promise<Void>> idleWaiters = new ArrayList<>();
    private boolean committing;
    private boolean flushScheduled;

    GroupCommit(Loop loop, Connections connections, int maxBatch) {
        this.loop = loop;
        this.connections = connections;
        this.maxBatch = maxBatch;
    }

    /** Queues {@code work} for the next batch; the promise settles on the loop once its batch committed. */
    <T> Promise<T> submit(SqlCall<T> work) {
        Promise<T> promise = loop.promise();
        pending.add(new Write<>(work, promise));
        schedule();
        return promise;
    }

    /** Settles once every call submitted so far has been committed or rejected. */
    Promise<Void> idle() {
        Promise<Void> idle = loop.promise();
        if (pending.isEmpty() && !committing) {
            idle.resolve(null);
        } else {
            idleWaiters.add(idle);
        }
        return idle;
    }

    private void schedule() {
        if (!committing && !flushScheduled) {
            flushScheduled = true;
            loop.setImmediate(this::flush); // writes issued in this turn go in one batch
        }
    }

    private void flush() {
        flushScheduled = false;
        if (pending.isEmpty()) {
            List<Promise<Void>> waiters = List.copyOf(idleWaiters);
            idleWaiters.clear();
            waiters.forEach(waiter -> waiter.resolve(null));
            return;
        }
        List<Write<?>> batch = new ArrayList<>(Math.min(pending.size(), maxBatch));
        while (!pending.isEmpty() && batch.size() < maxBatch) {
            batch.add(pending.poll());
        }
        committing = true;
        Promise<Void> committed;
        try {
            committed = loop.offload(() -> {
                commit(batch);
                return null;
            });
        } catch (RuntimeException e) {
            committed = loop.promise();
            committed.reject(e);
        }
        committed.whenComplete((ignored, error) -> {
            committing = false;
            for (Write<?> write : batch) {
                if (error != null && write.error == null) { // the pool refused the batch: nothing ran
                    write.error = error;
                }
                write.settle();
            }
            schedule(); // after the continuations of this batch's promises have issued their writes
        }).onFailure(error -> { }); // every write's promise carries the error to its caller
    }

    /** Blocking-pool thread: runs the batch, dropping each call that throws, until the rest commits. */
    private void commit(List<Write<?>> batch) {
        Connection connection;
        try {
            connection = connections.borrow();
        } catch (SQLException e) {
            JobStoreException error = new JobStoreException(
                    "cannot open the job database " + connections.file() + ": " + e.getMessage(), e);
            batch.forEach(write -> write.error = error);
            return;
        }
        try {
            List<Write<?>> left = new ArrayList<>(batch);
            while (!left.isEmpty()) {
                try {
                    Transactions.run(connection, () -> {
                        runAll(connection, left);
                        return null;
                    });
                    return;
                } catch (CallFailed failed) {
                    failed.write.error = describe(failed.getCause());
                    left.remove(failed.write);
                } catch (SQLException | RuntimeException e) {
                    Throwable error = describe(e);
                    left.forEach(write -> write.error = error);
                    return;
                }
            }
        } finally {
            connections.release(connection);
        }
    }

    private static void runAll(Connection connection, List<Write<?>> writes) {
        for (Write<?> write : writes) {
            try {
                write.run(connection);
            } catch (SQLException | RuntimeException e) {
                throw new CallFailed(write, e);
            }
        }
    }

    private Throwable describe(Throwable error) {
        return error instanceof SQLException e
                ? new JobStoreException("the job database " + connections.file() + " failed: " + e.getMessage(), e)
                : error;
    }
}
