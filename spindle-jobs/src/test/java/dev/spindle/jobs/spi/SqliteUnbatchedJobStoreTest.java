package dev.spindle.jobs.spi;

import dev.spindle.jobs.SqliteStore;
import dev.spindle.loop.Loop;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The SQLite store with group commit off (every write its own transaction) passes the conformance suite too. */
class SqliteUnbatchedJobStoreTest extends JobStoreConformanceTest {

    @TempDir
    Path dir;

    @Override
    protected JobStore createStore(Loop loop) {
        return SqliteStore.open(loop, dir.resolve("spindle-jobs.db"), SqliteStore.DEFAULT_BUSY_TIMEOUT, false, false);
    }
}
