package dev.spindle.jobs;

import dev.spindle.jobs.internal.sqlite.SqliteJobStore;
import dev.spindle.jobs.spi.JobStore;
import dev.spindle.loop.Loop;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * The embedded job store: one SQLite file (the JDBC driver ships its native library), in WAL mode,
 * every call on the loop's blocking pool. Several processes may open the same file: SQLite
 * serializes their writes, and each call is one transaction. The file and its folder are created
 * on first use; the table is {@code spindle_jobs}.
 *
 * <p><b>Durability.</b> A job is stored when its {@link JobQueue#add} promise fulfils: it survives a
 * crash or {@code kill -9} of the process. With the default {@code synchronous=NORMAL}, the last
 * commits may be lost if the machine itself loses power; {@link #open(Loop, Path, Duration, boolean)}
 * with {@code fullSync} closes that gap at the cost of an fsync per commit.
 *
 * <p><b>Group commit.</b> Writes (adds, claims, completions, failures, progress, lease renewals)
 * issued in one loop turn, or while the previous batch is being committed, are stored in one
 * transaction, up to 256 calls; each call keeps its own outcome, and one that fails rejects only
 * its own promise. Under load this turns many commits into one; a lone write waits for nothing
 * but the end of its loop turn.
 */
public final class SqliteStore {

    /** The default file name, in the working directory. */
    public static final String DEFAULT_FILE = "spindle-jobs.db";

    /** How long a call waits for another connection's (or process's) write lock before it fails: 10 seconds. */
    public static final Duration DEFAULT_BUSY_TIMEOUT = Duration.ofSeconds(10);

    private SqliteStore() {}

    /** A store on {@code file}, bound to {@code loop}; nothing is opened until the first call. */
    public static JobStore open(Loop loop, Path file) {
        return open(loop, file, DEFAULT_BUSY_TIMEOUT, false);
    }

    /**
     * A store on {@code file}, bound to {@code loop}, waiting up to {@code busyTimeout} for the write
     * lock, and with {@code fullSync} an fsync per commit ({@code synchronous=FULL}).
     */
    public static JobStore open(Loop loop, Path file, Duration busyTimeout, boolean fullSync) {
        return open(loop, file, busyTimeout, fullSync, true);
    }

    /**
     * {@link #open(Loop, Path, Duration, boolean)}, with group commit on or off. Off, every write is a
     * transaction of its own on a blocking-pool thread of its own: only for measuring what group
     * commit gains, or for a store that must never hold one call's outcome behind another's.
     */
    public static JobStore open(Loop loop, Path file, Duration busyTimeout, boolean fullSync, boolean groupCommit) {
        Objects.requireNonNull(loop, "loop");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(busyTimeout, "busyTimeout");
        return new SqliteJobStore(loop, file, Math.toIntExact(busyTimeout.toMillis()), fullSync, groupCommit);
    }
}
