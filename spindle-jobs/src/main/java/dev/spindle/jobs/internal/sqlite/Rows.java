package dev.spindle.jobs.internal.sqlite;

import dev.spindle.jobs.Backoff;
import dev.spindle.jobs.JobId;
import dev.spindle.jobs.JobState;
import dev.spindle.jobs.spi.JobRecord;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;

/** Reads rows of {@code spindle_jobs} into {@link JobRecord}s, and writes the enum columns. */
final class Rows {

    /** The columns {@link #read} expects, in order. */
    static final String COLUMNS = "id, name, payload, state, priority, run_at, attempts_made, max_attempts,"
            + " backoff_type, backoff_delay_ms, backoff_max_ms, backoff_jitter, timeout_ms, stalls, idempotency_key,"
            + " progress, result, error, lease_token, lease_owner, lease_until, created_at, started_at, finished_at";

    private Rows() {}

    static JobRecord read(ResultSet row) throws SQLException {
        Backoff backoff = new Backoff(
                Backoff.Type.valueOf(row.getString(9).toUpperCase(Locale.ROOT)),
                Duration.ofMillis(row.getLong(10)),
                Duration.ofMillis(row.getLong(11)),
                row.getDouble(12));
        return new JobRecord(
                JobId.of(row.getString(1)),
                row.getString(2),
                row.getString(3),
                state(row.getString(4)),
                row.getInt(5),
                row.getLong(6),
                row.getInt(7),
                row.getInt(8),
                backoff,
                row.getLong(13),
                row.getInt(14),
                row.getString(15),
                row.getString(16),
                row.getString(17),
                row.getString(18),
                row.getString(19),
                row.getString(20),
                row.getLong(21),
                row.getLong(22),
                row.getLong(23),
                row.getLong(24));
    }

    static String column(JobState state) {
        return state.name().toLowerCase(Locale.ROOT);
    }

    static JobState state(String column) {
        return JobState.valueOf(column.toUpperCase(Locale.ROOT));
    }

    static String column(Backoff.Type type) {
        return type.name().toLowerCase(Locale.ROOT);
    }
}
