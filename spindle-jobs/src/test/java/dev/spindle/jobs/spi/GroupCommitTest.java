package dev.spindle.jobs.spi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.jobs.Backoff;
import dev.spindle.jobs.JobId;
import dev.spindle.jobs.JobState;
import dev.spindle.jobs.JobStoreException;
import dev.spindle.jobs.SqliteStore;
import dev.spindle.loop.Loop;
import dev.spindle.loop.Promise;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SQLite store's group commit: writes issued in one loop turn share one transaction (one
 * blocking-pool task), run in the order they were issued, and each keeps its own outcome.
 */
class GroupCommitTest {

    private static final long T = 1_800_000_000_000L;
    private static final long LEASE = 30_000;

    @TempDir
    Path dir;

    private StartedLoop started;
    private JobStore store;

    @BeforeEach
    void open() {
        started = new StartedLoop();
        store = started.call(() -> SqliteStore.open(started.loop(), dir.resolve("jobs.db")));
        started.await(() -> store.counts(T)); // the schema exists: later counts of pool tasks are the writes' only
    }

    @AfterEach
    void close() {
        try {
            started.await(store::close);
        } finally {
            started.close();
        }
    }

    private static NewJob job(JobId id) {
        return new NewJob(id, "work", "{}", 0, T, 1, Backoff.NONE, 0, null, T);
    }

    private static Object valueOf(Promise<?> promise) {
        return promise.value().orElseThrow();
    }

    private long poolTasks() {
        return started.call(() -> started.loop().blockingPoolStats().completed());
    }

    /** Runs {@code calls} in one loop turn and waits for all their promises to settle. */
    private List<Promise<?>> inOneTurn(java.util.function.Function<Loop, List<Promise<?>>> calls) {
        List<Promise<?>> promises = started.call(() -> calls.apply(started.loop()));
        started.await(() -> Promise.allSettled(promises));
        return promises;
    }

    @Test
    void theAddsOfOneTurnAreOneTransaction() {
        long before = poolTasks();
        List<NewJob> jobs = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            jobs.add(job(JobId.random()));
        }
        List<Promise<?>> promises = inOneTurn(loop -> {
            List<Promise<?>> adds = new ArrayList<>();
            for (NewJob job : jobs) {
                adds.add(store.add(List.of(job)));
            }
            return adds;
        });
        assertThat(poolTasks() - before).isEqualTo(1);
        for (int i = 0; i < jobs.size(); i++) {
            assertThat(valueOf(promises.get(i))).isEqualTo(List.of(new Added(jobs.get(i).id(), true)));
        }
        assertThat(started.await(() -> store.counts(T)).get(JobState.WAITING)).isEqualTo(200);
    }

    @Test
    void moreWritesThanOneBatchTakesGoInSeveralInOrder() {
        long before = poolTasks();
        List<Promise<?>> promises = inOneTurn(loop -> {
            List<Promise<?>> adds = new ArrayList<>();
            for (int i = 0; i < 600; i++) {
                adds.add(store.add(List.of(job(JobId.random()))));
            }
            return adds;
        });
        assertThat(promises).allMatch(Promise::isFulfilled);
        assertThat(poolTasks() - before).isEqualTo(3); // 256 + 256 + 88
        List<JobRecord> claimed = started.await(() -> store.claim("work", 1_000, "owner", T, T + LEASE)).jobs();
        assertThat(claimed).extracting(JobRecord::id).containsExactlyElementsOf(promises.stream()
                .map(p -> ((List<?>) p.value().orElseThrow()).getFirst()).map(a -> ((Added) a).id()).toList());
    }

    @Test
    void aFailingAddRejectsOnlyItsOwnPromise() {
        JobId taken = JobId.random();
        JobId other = JobId.random();
        long before = poolTasks();
        List<Promise<?>> promises = inOneTurn(loop -> List.of(
                store.add(List.of(job(taken))),
                store.add(List.of(job(taken))), // the same id again: the table's unique constraint refuses it
                store.add(List.of(job(other)))));
        assertThat(poolTasks() - before).isEqualTo(1);
        assertThat(valueOf(promises.get(0))).isEqualTo(List.of(new Added(taken, true)));
        assertThat(promises.get(1).error()).get().isInstanceOf(JobStoreException.class)
                .extracting(Throwable::getMessage).asString().contains("UNIQUE");
        assertThat(valueOf(promises.get(2))).isEqualTo(List.of(new Added(other, true)));
        assertThat(started.await(() -> store.counts(T)).get(JobState.WAITING)).isEqualTo(2);
    }

    @Test
    void writesOfOneTurnRunInTheOrderIssued() {
        JobId id = JobId.random();
        List<Promise<?>> promises = inOneTurn(loop -> List.of(
                store.add(List.of(job(id))),
                store.claim("work", 5, "owner", T, T + LEASE)));
        Claimed claimed = (Claimed) promises.get(1).value().orElseThrow();
        assertThat(claimed.jobs()).extracting(JobRecord::id).containsExactly(id); // the claim saw the add before it
    }

    @Test
    void settlingCallsInOneBatchKeepTheirOwnAnswersAndTheirFencing() {
        List<JobId> ids = List.of(JobId.random(), JobId.random(), JobId.random());
        started.await(() -> store.add(ids.stream().map(GroupCommitTest::job).toList()));
        List<JobRecord> jobs = started.await(() -> store.claim("work", 3, "owner", T, T + LEASE)).jobs();
        Lease stale = new Lease(jobs.get(1).id(), "not-the-token");
        long before = poolTasks();
        List<Promise<?>> promises = inOneTurn(loop -> List.of(
                store.complete(jobs.get(0).lease(), "1", T + 1),
                store.complete(stale, "2", T + 1),
                store.fail(jobs.get(2).lease(), "boom", T + 1, java.util.OptionalLong.empty()),
                store.complete(jobs.get(0).lease(), "again", T + 2)));
        assertThat(poolTasks() - before).isEqualTo(1);
        assertThat(promises.stream().map(GroupCommitTest::valueOf).toList()).containsExactly(true, false, true, false);
        Map<JobState, Long> counts = started.await(() -> store.counts(T + 3));
        assertThat(counts.get(JobState.COMPLETED)).isEqualTo(1);
        assertThat(counts.get(JobState.ACTIVE)).isEqualTo(1);
        assertThat(counts.get(JobState.FAILED)).isEqualTo(1);
        assertThat(started.await(() -> store.get(jobs.get(0).id())).orElseThrow().resultJson()).isEqualTo("1");
    }

    @Test
    void closeWaitsForTheWritesIssuedBeforeIt() {
        JobId id = JobId.random();
        AtomicLong stored = new AtomicLong();
        started.await(() -> {
            store.add(List.of(job(id))).then(added -> stored.incrementAndGet());
            return store.close();
        });
        assertThat(stored.get()).isEqualTo(1);
        store = started.call(() -> SqliteStore.open(started.loop(), dir.resolve("jobs.db")));
        assertThat(started.await(() -> store.get(id))).get().extracting(JobRecord::state).isEqualTo(JobState.WAITING);
    }
}
