package dev.spindle.jobs.internal.sqlite;

import java.sql.Connection;
import java.sql.SQLException;

/** One store call's work on a connection, run on a blocking-pool thread. */
@FunctionalInterface
interface SqlCall<T> {
    T run(Connection connection) throws SQLException;
}
