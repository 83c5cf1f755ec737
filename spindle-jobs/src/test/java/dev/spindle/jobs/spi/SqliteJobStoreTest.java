package dev.spindle.jobs.spi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.jobs.JobId;
import dev.spindle.jobs.JobState;
import dev.spindle.jobs.SqliteStore;
import dev.spindle.loop.Loop;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import dev.spindle.jobs.Retention;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SQLite store passes the conformance suite, on a real file, and shares that file with other stores. */
class SqliteJobStoreTest extends JobStoreConformanceTest {

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("jobs").resolve("spindle-jobs.db");
    }

    @Override
    protected JobStore createStore(Loop loop) {
        return SqliteStore.open(loop, file());
    }

    @Test
    void theDatabaseIsOneFileInWalModeWithTheDocumentedTable() throws Exception {
        addOne(job("work", "{}"));
        assertThat(file()).exists();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file());
                Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery("PRAGMA journal_mode")) {
                rows.next();
                assertThat(rows.getString(1)).isEqualTo("wal");
            }
            try (ResultSet rows = statement.executeQuery("PRAGMA user_version")) {
                rows.next();
                assertThat(rows.getInt(1)).isEqualTo(1);
            }
            try (ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM spindle_jobs")) {
                rows.next();
                assertThat(rows.getInt(1)).isEqualTo(1);
            }
        }
        assertThat(Files.list(file().getParent()).map(p -> p.getFileName().toString()))
                .allMatch(name -> name.startsWith("spindle-jobs.db"));
    }

    @Test
    void twoStoresOnOneFileSeeEachOthersJobsAndNeverShareOne() {
        JobStore other = started.call(() -> SqliteStore.open(started.loop(), file()));
        try {
            JobId id = addOne(job("work", "{}"));
            List<JobRecord> taken = await(() -> other.claim("work", 5, "other-process", T, T + LEASE)).jobs();
            assertThat(taken).extracting(JobRecord::id).containsExactly(id);
            assertThat(claim("work", 5, T)).isEmpty();
            assertThat(read(id).leaseOwner()).isEqualTo("other-process");
        } finally {
            await(other::close);
        }
    }

    @Test
    void jobsSurviveClosingAndReopeningTheFile() {
        JobId id = addOne(job("work", "{\"keep\":true}"));
        await(store::close);
        store = started.call(() -> SqliteStore.open(started.loop(), file()));
        assertThat(read(id).payloadJson()).isEqualTo("{\"keep\":true}");
        assertThat(read(id).state()).isEqualTo(JobState.WAITING);
    }

    @Test
    void trimBreaksTiesOfFinishTimeByAddOrderAndKeepZeroRemovesAll() {
        List<JobId> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ids.add(addOne(job("tie", "{}")));
        }
        for (JobRecord job : claim("tie", 4, T)) {
            assertThat(await(() -> store.complete(job.lease(), "1", T + 5))).isTrue(); // all finished at T + 5
        }
        JobId failed = addOne(job("fails", "{}"));
        Lease lease = claim("fails", 1, T).getFirst().lease();
        assertThat(await(() -> store.fail(lease, "boom", T + 5, java.util.OptionalLong.empty()))).isTrue();

        assertThat(await(() -> store.trim(new Retention(2, Retention.KEEP_ALL, Duration.ZERO), T + 10))).isEqualTo(2);
        assertThat(ids.stream().map(id -> await(() -> store.get(id)).isPresent()).toList())
                .containsExactly(false, false, true, true);
        assertThat(await(() -> store.trim(new Retention(2, 0, Duration.ZERO), T + 10))).isEqualTo(1);
        assertThat(await(() -> store.get(failed))).isEmpty();
        assertThat(await(() -> store.trim(new Retention(2, 0, Duration.ZERO), T + 10))).isZero();
    }

    @Test
    void everyCallRunsOnTheBlockingPoolNotTheLoop() {
        long before = started.call(() -> started.loop().blockingPoolStats().completed());
        addOne(job("work", "{}"));
        claim("work", 1, T);
        long after = started.call(() -> started.loop().blockingPoolStats().completed());
        assertThat(after - before).isEqualTo(2);
    }
}
