package dev.spindle.jobs.internal.sqlite;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The SQLite store's one table and its indexes, versioned with {@code PRAGMA user_version}. A job
 * is one row; a delayed job is a waiting row whose {@code run_at} is later than now. Every time is
 * epoch milliseconds, 0 when absent.
 */
final class Schema {

    /** The version this code writes and reads. */
    static final int VERSION = 1;

    static final String TABLE = "spindle_jobs";

    private static final String[] DDL = {
        """
        CREATE TABLE IF NOT EXISTS spindle_jobs (
            seq              INTEGER PRIMARY KEY AUTOINCREMENT,  -- the order jobs were added
            id               TEXT    NOT NULL UNIQUE,
            name             TEXT    NOT NULL,
            payload          TEXT    NOT NULL,                   -- JSON
            state            TEXT    NOT NULL CHECK (state IN ('waiting', 'active', 'completed', 'failed')),
            priority         INTEGER NOT NULL,                   -- larger runs first
            run_at           INTEGER NOT NULL,                   -- may run from then (delay, backoff)
            attempts_made    INTEGER NOT NULL DEFAULT 0,
            max_attempts     INTEGER NOT NULL,
            backoff_type     TEXT    NOT NULL,                   -- none | fixed | exponential
            backoff_delay_ms INTEGER NOT NULL,
            backoff_max_ms   INTEGER NOT NULL,
            backoff_jitter   REAL    NOT NULL,
            timeout_ms       INTEGER NOT NULL,
            stalls           INTEGER NOT NULL DEFAULT 0,
            idempotency_key  TEXT    UNIQUE,
            progress         TEXT,                               -- JSON
            result           TEXT,                               -- JSON
            error            TEXT,                               -- the last failed attempt's
            lease_token      TEXT,                               -- unique per claim; fences late writers
            lease_owner      TEXT,
            lease_until      INTEGER NOT NULL DEFAULT 0,
            created_at       INTEGER NOT NULL,
            started_at       INTEGER NOT NULL DEFAULT 0,
            finished_at      INTEGER NOT NULL DEFAULT 0
        )""",
        "CREATE INDEX IF NOT EXISTS spindle_jobs_ready ON spindle_jobs (name, state, priority DESC, run_at, seq)",
        "CREATE INDEX IF NOT EXISTS spindle_jobs_leases ON spindle_jobs (state, lease_until)",
        "CREATE INDEX IF NOT EXISTS spindle_jobs_finished ON spindle_jobs (state, finished_at)",
    };

    private Schema() {}

    /** Creates the table in an empty database, or checks the version of an existing one. */
    static void ensure(Connection connection) throws SQLException {
        Transactions.run(connection, () -> {
            int version = userVersion(connection);
            if (version > VERSION) {
                throw new SQLException("the job database has schema version " + version
                        + ", newer than this Spindle's " + VERSION + "; upgrade Spindle");
            }
            if (version < VERSION) {
                try (Statement statement = connection.createStatement()) {
                    for (String ddl : DDL) {
                        statement.execute(ddl);
                    }
                    statement.execute("PRAGMA user_version = " + VERSION);
                }
            }
            return null;
        });
    }

    private static int userVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("PRAGMA user_version")) {
            return rows.next() ? rows.getInt(1) : 0;
        }
    }
}
