package dev.spindle.jobs.internal.sqlite;

import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The SQLite connections of one store: opened on demand, one per blocking-pool thread that is
 * using the store at the moment, then kept for reuse. A JDBC connection is used by one thread at a
 * time; SQLite serializes writers across connections and processes (WAL mode lets readers go on
 * meanwhile), and the busy timeout makes a writer wait for the lock instead of failing.
 * Called on blocking-pool threads only.
 */
final class Connections {

    private final Path file;
    private final SQLiteDataSource dataSource;
    private final ConcurrentLinkedDeque<Connection> idle = new ConcurrentLinkedDeque<>();
    private volatile boolean schemaReady;
    private volatile boolean closed;

    Connections(Path file, int busyTimeoutMillis, boolean fullSync) {
        this.file = file;
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(fullSync ? SQLiteConfig.SynchronousMode.FULL : SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(busyTimeoutMillis);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        this.dataSource = new SQLiteDataSource(config);
        this.dataSource.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
    }

    Path file() {
        return file;
    }

    /** A connection for this thread's call; give it back with {@link #release}. */
    Connection borrow() throws SQLException {
        if (closed) {
            throw new SQLException("the job store is closed");
        }
        Connection connection = idle.pollFirst();
        if (connection == null) {
            connection = open();
        }
        return connection;
    }

    void release(Connection connection) {
        if (closed) {
            closeQuietly(connection);
        } else {
            idle.offerFirst(connection);
        }
    }

    private Connection open() throws SQLException {
        if (!schemaReady) {
            createSchema();
        }
        return dataSource.getConnection();
    }

    private synchronized void createSchema() throws SQLException {
        if (schemaReady) {
            return;
        }
        Path parent = file.toAbsolutePath().getParent();
        try {
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new SQLException("cannot create the folder of the job database " + file + ": " + e, e);
        }
        try (Connection connection = dataSource.getConnection()) {
            Schema.ensure(connection);
        }
        schemaReady = true;
    }

    /** Closes the idle connections; borrowed ones close when given back. */
    void close() {
        closed = true;
        Connection connection;
        while ((connection = idle.pollFirst()) != null) {
            closeQuietly(connection);
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing: nothing left to do with it
        }
    }
}
