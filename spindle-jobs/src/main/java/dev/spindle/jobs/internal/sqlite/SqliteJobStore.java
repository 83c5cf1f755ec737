package dev.spindle.jobs.internal.sqlite;

import dev.spindle.jobs.JobId;
import dev.spindle.jobs.JobQueueClosedException;
import dev.spindle.jobs.JobState;
import dev.spindle.jobs.JobStoreException;
import dev.spindle.jobs.Retention;
import dev.spindle.jobs.spi.Added;
import dev.spindle.jobs.spi.Claimed;
import dev.spindle.jobs.spi.JobRecord;
import dev.spindle.jobs.spi.JobStore;
import dev.spindle.jobs.spi.Lease;
import dev.spindle.jobs.spi.NewJob;
import dev.spindle.jobs.spi.Recovered;
import dev.spindle.loop.Loop;
import dev.spindle.loop.Promise;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * The embedded store: one SQLite file in WAL mode. Every call runs on the loop's blocking pool
 * ({@link Loop#offload}) and is atomic, so queues in several processes may share the file. Reads
 * run at once, each with a connection of its own. Writes are group-committed ({@link GroupCommit}):
 * those issued in one loop turn, or while the previous batch commits, share one transaction; with
 * group commit off, each write is its own transaction on its own pool thread. See {@link Schema}
 * for the table.
 */
public final class SqliteJobStore implements JobStore {

    /** The most write calls committed in one transaction. */
    static final int MAX_WRITE_BATCH = 256;

    private final Loop loop;
    private final Connections connections;
    private final GroupCommit groupCommit;
    private boolean closed;

    public SqliteJobStore(Loop loop, Path file, int busyTimeoutMillis, boolean fullSync, boolean groupCommit) {
        this.loop = loop;
        this.connections = new Connections(file, busyTimeoutMillis, fullSync);
        this.groupCommit = groupCommit ? new GroupCommit(loop, connections, MAX_WRITE_BATCH) : null;
    }

    @Override
    public Promise<List<Added>> add(List<NewJob> jobs) {
        List<NewJob> batch = List.copyOf(jobs);
        return write(true, connection -> {
            List<Added> added = new ArrayList<>(batch.size());
            try (PreparedStatement byKey = connection.prepareStatement("SELECT id FROM spindle_jobs WHERE idempotency_key = ?");
                    PreparedStatement insert = connection.prepareStatement("INSERT INTO spindle_jobs (id, name, payload, state,"
                            + " priority, run_at, max_attempts, backoff_type, backoff_delay_ms, backoff_max_ms, backoff_jitter,"
                            + " timeout_ms, idempotency_key, created_at) VALUES (?, ?, ?, 'waiting', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (NewJob job : batch) {
                    Optional<JobId> existing = job.idempotencyKey() == null ? Optional.empty() : idByKey(byKey, job.idempotencyKey());
                    if (existing.isPresent()) {
                        added.add(new Added(existing.get(), false));
                        continue;
                    }
                    insert.setString(1, job.id().value());
                    insert.setString(2, job.name());
                    insert.setString(3, job.payloadJson());
                    insert.setInt(4, job.priority());
                    insert.setLong(5, job.runAt());
                    insert.setInt(6, job.maxAttempts());
                    insert.setString(7, Rows.column(job.backoff().type()));
                    insert.setLong(8, job.backoff().delay().toMillis());
                    insert.setLong(9, job.backoff().maxDelay().toMillis());
                    insert.setDouble(10, job.backoff().jitter());
                    insert.setLong(11, job.timeoutMillis());
                    insert.setString(12, job.idempotencyKey());
                    insert.setLong(13, job.createdAt());
                    insert.executeUpdate();
                    added.add(new Added(job.id(), true));
                }
            }
            return added;
        });
    }

    private static Optional<JobId> idByKey(PreparedStatement byKey, String key) throws SQLException {
        byKey.setString(1, key);
        try (ResultSet rows = byKey.executeQuery()) {
            return rows.next() ? Optional.of(JobId.of(rows.getString(1))) : Optional.empty();
        }
    }

    @Override
    public Promise<Optional<JobRecord>> get(JobId id) {
        return call(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + Rows.COLUMNS + " FROM spindle_jobs WHERE id = ?")) {
                select.setString(1, id.value());
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(Rows.read(rows)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public Promise<Claimed> claim(String name, int max, String owner, long now, long leaseUntil) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be >= 1, was " + max);
        }
        return write(true, connection -> {
            List<Long> seqs = new ArrayList<>();
            try (PreparedStatement ready = connection.prepareStatement("SELECT seq FROM spindle_jobs"
                    + " WHERE name = ? AND state = 'waiting' AND run_at <= ? ORDER BY priority DESC, run_at, seq LIMIT ?")) {
                ready.setString(1, name);
                ready.setLong(2, now);
                ready.setInt(3, max);
                try (ResultSet rows = ready.executeQuery()) {
                    while (rows.next()) {
                        seqs.add(rows.getLong(1));
                    }
                }
            }
            List<JobRecord> jobs = new ArrayList<>(seqs.size());
            try (PreparedStatement take = connection.prepareStatement("UPDATE spindle_jobs SET state = 'active',"
                    + " attempts_made = attempts_made + 1, lease_token = ?, lease_owner = ?, lease_until = ?, started_at = ?"
                    + " WHERE seq = ?");
                    PreparedStatement read = connection.prepareStatement("SELECT " + Rows.COLUMNS + " FROM spindle_jobs WHERE seq = ?")) {
                for (long seq : seqs) {
                    take.setString(1, UUID.randomUUID().toString());
                    take.setString(2, owner);
                    take.setLong(3, leaseUntil);
                    take.setLong(4, now);
                    take.setLong(5, seq);
                    take.executeUpdate();
                    read.setLong(1, seq);
                    try (ResultSet rows = read.executeQuery()) {
                        rows.next();
                        jobs.add(Rows.read(rows));
                    }
                }
            }
            OptionalLong next = OptionalLong.empty();
            try (PreparedStatement earliest = connection.prepareStatement(
                    "SELECT MIN(run_at) FROM spindle_jobs WHERE name = ? AND state = 'waiting'")) {
                earliest.setString(1, name);
                try (ResultSet rows = earliest.executeQuery()) {
                    if (rows.next()) {
                        long runAt = rows.getLong(1);
                        next = rows.wasNull() ? OptionalLong.empty() : OptionalLong.of(runAt);
                    }
                }
            }
            return new Claimed(jobs, next);
        });
    }

    @Override
    public Promise<Boolean> complete(Lease lease, String resultJson, long now) {
        return settle(lease, "state = 'completed', result = ?, finished_at = ?", resultJson, now);
    }

    @Override
    public Promise<Boolean> fail(Lease lease, String error, long now, OptionalLong retryAt) {
        return retryAt.isPresent()
                ? settle(lease, "state = 'waiting', error = ?, run_at = ?", error, retryAt.getAsLong())
                : settle(lease, "state = 'failed', error = ?, finished_at = ?", error, now);
    }

    @Override
    public Promise<Boolean> release(Lease lease, long runAt) {
        return settle(lease, "state = 'waiting', attempts_made = attempts_made - 1, run_at = ?", runAt);
    }

    /** Ends the lease with {@code assignments} if it is still held; true if it was. */
    private Promise<Boolean> settle(Lease lease, String assignments, Object... values) {
        return write(false, connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE spindle_jobs SET " + assignments
                    + ", lease_token = NULL, lease_owner = NULL, lease_until = 0"
                    + " WHERE id = ? AND state = 'active' AND lease_token = ?")) {
                int i = 1;
                for (Object value : values) {
                    update.setObject(i++, value);
                }
                update.setString(i++, lease.id().value());
                update.setString(i, lease.token());
                return update.executeUpdate() == 1;
            }
        });
    }

    @Override
    public Promise<Boolean> progress(Lease lease, String progressJson) {
        return write(false, connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE spindle_jobs SET progress = ?"
                    + " WHERE id = ? AND state = 'active' AND lease_token = ?")) {
                update.setString(1, progressJson);
                update.setString(2, lease.id().value());
                update.setString(3, lease.token());
                return update.executeUpdate() == 1;
            }
        });
    }

    @Override
    public Promise<List<Lease>> extendLeases(List<Lease> leases, long leaseUntil) {
        List<Lease> batch = List.copyOf(leases);
        return write(true, connection -> {
            List<Lease> lost = new ArrayList<>();
            try (PreparedStatement update = connection.prepareStatement("UPDATE spindle_jobs SET lease_until = ?"
                    + " WHERE id = ? AND state = 'active' AND lease_token = ?")) {
                for (Lease lease : batch) {
                    update.setLong(1, leaseUntil);
                    update.setString(2, lease.id().value());
                    update.setString(3, lease.token());
                    if (update.executeUpdate() == 0) {
                        lost.add(lease);
                    }
                }
            }
            return lost;
        });
    }

    @Override
    public Promise<List<Recovered>> recoverStalled(long now, int maxStalls) {
        return write(true, connection -> {
            List<Long> seqs = new ArrayList<>();
            try (PreparedStatement expired = connection.prepareStatement(
                    "SELECT seq FROM spindle_jobs WHERE state = 'active' AND lease_until <= ? ORDER BY seq")) {
                expired.setLong(1, now);
                try (ResultSet rows = expired.executeQuery()) {
                    while (rows.next()) {
                        seqs.add(rows.getLong(1));
                    }
                }
            }
            List<Recovered> recovered = new ArrayList<>(seqs.size());
            try (PreparedStatement back = connection.prepareStatement("UPDATE spindle_jobs SET"
                    + " state = CASE WHEN stalls >= ? THEN 'failed' ELSE 'waiting' END,"
                    + " error = CASE WHEN stalls >= ? THEN 'stalled ' || (stalls + 1) || ' times: the lease expired while the job"
                    + " was active (its process died, or its loop was blocked past the lease)' ELSE error END,"
                    + " finished_at = CASE WHEN stalls >= ? THEN ? ELSE 0 END,"
                    + " run_at = CASE WHEN stalls >= ? THEN run_at ELSE ? END,"
                    + " stalls = stalls + 1, attempts_made = attempts_made - 1,"
                    + " lease_token = NULL, lease_owner = NULL, lease_until = 0 WHERE seq = ?");
                    PreparedStatement read = connection.prepareStatement("SELECT " + Rows.COLUMNS + " FROM spindle_jobs WHERE seq = ?")) {
                for (long seq : seqs) {
                    back.setInt(1, maxStalls);
                    back.setInt(2, maxStalls);
                    back.setInt(3, maxStalls);
                    back.setLong(4, now);
                    back.setInt(5, maxStalls);
                    back.setLong(6, now);
                    back.setLong(7, seq);
                    back.executeUpdate();
                    read.setLong(1, seq);
                    try (ResultSet rows = read.executeQuery()) {
                        rows.next();
                        JobRecord job = Rows.read(rows);
                        recovered.add(new Recovered(job, job.state() == JobState.FAILED));
                    }
                }
            }
            return recovered;
        });
    }

    @Override
    public Promise<Integer> trim(Retention retention, long now) {
        return write(true, connection -> {
            int removed = 0;
            removed += keepNewest(connection, "completed", retention.keepCompleted());
            removed += keepNewest(connection, "failed", retention.keepFailed());
            if (!retention.maxAge().isZero()) {
                try (PreparedStatement old = connection.prepareStatement("DELETE FROM spindle_jobs"
                        + " WHERE state IN ('completed', 'failed') AND finished_at < ?")) {
                    old.setLong(1, now - retention.maxAge().toMillis());
                    removed += old.executeUpdate();
                }
            }
            return removed;
        });
    }

    /**
     * Deletes the jobs in {@code state} older than its {@code keep} newest (by finished time, then
     * add order). It finds the oldest one kept on the {@code (state, finished_at)} index, then deletes
     * the range below it, so a trim costs the rows it deletes plus one walk of {@code keep} index
     * entries, however often it runs.
     */
    private static int keepNewest(Connection connection, String state, int keep) throws SQLException {
        if (keep == Retention.KEEP_ALL) {
            return 0;
        }
        if (keep == 0) {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM spindle_jobs WHERE state = ?")) {
                delete.setString(1, state);
                return delete.executeUpdate();
            }
        }
        long finishedAt;
        long seq;
        try (PreparedStatement oldestKept = connection.prepareStatement("SELECT finished_at, seq FROM spindle_jobs"
                + " WHERE state = ? ORDER BY finished_at DESC, seq DESC LIMIT 1 OFFSET ?")) {
            oldestKept.setString(1, state);
            oldestKept.setInt(2, keep - 1);
            try (ResultSet rows = oldestKept.executeQuery()) {
                if (!rows.next()) {
                    return 0; // no more than keep of them
                }
                finishedAt = rows.getLong(1);
                seq = rows.getLong(2);
            }
        }
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM spindle_jobs WHERE state = ?"
                + " AND (finished_at < ? OR (finished_at = ? AND seq < ?))")) {
            delete.setString(1, state);
            delete.setLong(2, finishedAt);
            delete.setLong(3, finishedAt);
            delete.setLong(4, seq);
            return delete.executeUpdate();
        }
    }

    @Override
    public Promise<Map<JobState, Long>> counts(long now) {
        return call(connection -> {
            Map<JobState, Long> counts = new EnumMap<>(JobState.class);
            for (JobState state : JobState.values()) {
                counts.put(state, 0L);
            }
            try (PreparedStatement count = connection.prepareStatement("SELECT state, state = 'waiting' AND run_at > ?,"
                    + " COUNT(*) FROM spindle_jobs GROUP BY 1, 2")) {
                count.setLong(1, now);
                try (ResultSet rows = count.executeQuery()) {
                    while (rows.next()) {
                        JobState state = rows.getBoolean(2) ? JobState.DELAYED : Rows.state(rows.getString(1));
                        counts.merge(state, rows.getLong(3), Long::sum);
                    }
                }
            }
            return counts;
        });
    }

    @Override
    public Promise<Void> close() {
        if (closed) {
            Promise<Void> done = loop.promise();
            done.resolve(null);
            return done;
        }
        closed = true;
        Promise<Void> writesDone = groupCommit != null ? groupCommit.idle() : loop.promise();
        if (groupCommit == null) {
            writesDone.resolve(null);
        }
        return writesDone.flatMap(x -> loop.<Void>offload(() -> {
            connections.close();
            return null;
        })).recover(error -> {
            // a full blocking pool must not keep the file open: close on a thread of its own
            Thread.ofPlatform().daemon().name("spindle-jobs-close").start(connections::close);
            return null;
        });
    }

    @Override
    public String toString() {
        return "SqliteJobStore[" + connections.file() + "]";
    }

    // ---------------------------------------------------------------- running calls on the blocking pool

    /**
     * A write: into the next group commit, or with group commit off, on its own pool thread, as a
     * transaction if {@code severalStatements}, else as the one statement it is.
     */
    private <T> Promise<T> write(boolean severalStatements, SqlCall<T> work) {
        if (groupCommit == null || closed) {
            return severalStatements ? call(connection -> Transactions.run(connection, () -> work.run(connection))) : call(work);
        }
        return groupCommit.submit(work);
    }

    /** A read, or an unbatched write: one offloaded call with a connection of its own. */
    private <T> Promise<T> call(SqlCall<T> work) {
        if (closed) {
            Promise<T> rejected = loop.promise();
            rejected.reject(new JobQueueClosedException("the job store " + connections.file() + " is closed"));
            return rejected;
        }
        return loop.offload(() -> {
            Connection connection;
            try {
                connection = connections.borrow();
            } catch (SQLException e) {
                throw new JobStoreException("cannot open the job database " + connections.file() + ": " + e.getMessage(), e);
            }
            try {
                return work.run(connection);
            } catch (SQLException e) {
                throw new JobStoreException("the job database " + connections.file() + " failed: " + e.getMessage(), e);
            } finally {
                connections.release(connection);
            }
        });
    }
}
