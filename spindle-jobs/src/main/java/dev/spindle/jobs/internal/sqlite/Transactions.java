package dev.spindle.jobs.internal.sqlite;

import java.sql.Connection;
import java.sql.SQLException;

/** Runs work in one transaction (BEGIN IMMEDIATE: the write lock is taken up front, so no upgrade deadlock). */
final class Transactions {

    /** Work that talks to the database. */
    @FunctionalInterface
    interface Work<T> {
        T run() throws SQLException;
    }

    private Transactions() {}

    static <T> T run(Connection connection, Work<T> work) throws SQLException {
        connection.setAutoCommit(false);
        try {
            T value = work.run();
            connection.commit();
            return value;
        } catch (SQLException | RuntimeException e) {
            try {
                connection.rollback();
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }
}
