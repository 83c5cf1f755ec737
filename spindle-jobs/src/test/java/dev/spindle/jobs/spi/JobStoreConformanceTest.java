package dev.spindle.jobs.spi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.jobs.Backoff;
import dev.spindle.jobs.JobId;
import dev.spindle.jobs.JobQueueClosedException;
import dev.spindle.jobs.JobState;
import dev.spindle.jobs.Retention;
import dev.spindle.loop.Loop;
import dev.spindle.loop.Promise;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link JobStore}, as tests: every store must pass them. To check a store, subclass
 * this class and create a fresh, empty store in {@link #createStore}; each test gets its own.
 * Shipped in spindle-jobs' test-jar.
 */
public abstract class JobStoreConformanceTest {

    /** The tests' "now": an arbitrary epoch-millisecond time. */
    protected static final long T = 1_800_000_000_000L;
    protected static final long LEASE = 30_000;

    protected StartedLoop started;
    protected JobStore store;

    /** A fresh, empty store bound to {@code loop}; called on the loop's thread. */
    protected abstract JobStore createStore(Loop loop) throws Exception;

    @BeforeEach
    void openStore() {
        started = new StartedLoop();
        store = started.call(() -> {
            try {
                return createStore(started.loop());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @AfterEach
    void closeStore() {
        try {
            started.await(store::close);
        } finally {
            started.close();
        }
    }

    protected <T> T await(java.util.function.Supplier<? extends Promise<T>> call) {
        return started.await(call);
    }

    protected static NewJob job(String name, String payloadJson) {
        return new NewJob(JobId.random(), name, payloadJson, 0, T, 1, Backoff.NONE, 0, null, T);
    }

    protected static NewJob job(String name, int priority, long runAt) {
        return new NewJob(JobId.random(), name, "{}", priority, runAt, 1, Backoff.NONE, 0, null, T);
    }

    protected JobId addOne(NewJob job) {
        return await(() -> store.add(List.of(job))).getFirst().id();
    }

    protected JobRecord read(JobId id) {
        return await(() -> store.get(id)).orElseThrow();
    }

    protected List<JobRecord> claim(String name, int max, long now) {
        return await(() -> store.claim(name, max, "owner-1", now, now + LEASE)).jobs();
    }

    @Test
    void anAddedJobReadsBackWithEveryField() {
        Backoff backoff = Backoff.exponential(Duration.ofSeconds(2)).withMaxDelay(Duration.ofMinutes(1)).withJitter(0.25);
        NewJob job = new NewJob(JobId.random(), "mail", "{\"to\":\"ada\"}", 7, T + 5_000, 3, backoff, 9_000, "key-1", T);
        List<Added> added = await(() -> store.add(List.of(job)));
        assertThat(added).containsExactly(new Added(job.id(), true));

        JobRecord stored = read(job.id());
        assertThat(stored.id()).isEqualTo(job.id());
        assertThat(stored.name()).isEqualTo("mail");
        assertThat(stored.payloadJson()).isEqualTo("{\"to\":\"ada\"}");
        assertThat(stored.state()).isEqualTo(JobState.WAITING);
        assertThat(stored.stateAt(T)).isEqualTo(JobState.DELAYED);
        assertThat(stored.stateAt(T + 5_000)).isEqualTo(JobState.WAITING);
        assertThat(stored.priority()).isEqualTo(7);
        assertThat(stored.runAt()).isEqualTo(T + 5_000);
        assertThat(stored.attemptsMade()).isZero();
        assertThat(stored.maxAttempts()).isEqualTo(3);
        assertThat(stored.backoff()).isEqualTo(backoff);
        assertThat(stored.timeoutMillis()).isEqualTo(9_000);
        assertThat(stored.stalls()).isZero();
        assertThat(stored.idempotencyKey()).isEqualTo("key-1");
        assertThat(stored.resultJson()).isNull();
        assertThat(stored.error()).isNull();
        assertThat(stored.leaseToken()).isNull();
        assertThat(stored.createdAt()).isEqualTo(T);
        assertThat(stored.startedAt()).isZero();
        assertThat(stored.finishedAt()).isZero();
    }

    @Test
    void anUnknownIdReadsEmpty() {
        assertThat(await(() -> store.get(JobId.of("no-such-job")))).isEmpty();
    }

    @Test
    void theSameIdempotencyKeyYieldsTheSameJob() {
        NewJob first = new NewJob(JobId.random(), "mail", "1", 0, T, 1, Backoff.NONE, 0, "order-42", T);
        NewJob again = new NewJob(JobId.random(), "mail", "2", 0, T, 1, Backoff.NONE, 0, "order-42", T);
        NewJob other = new NewJob(JobId.random(), "mail", "3", 0, T, 1, Backoff.NONE, 0, "order-43", T);
        assertThat(await(() -> store.add(List.of(first)))).containsExactly(new Added(first.id(), true));
        assertThat(await(() -> store.add(List.of(again, other))))
                .containsExactly(new Added(first.id(), false), new Added(other.id(), true));
        NewJob twiceInOneCall = new NewJob(JobId.random(), "mail", "4", 0, T, 1, Backoff.NONE, 0, "order-44", T);
        NewJob twin = new NewJob(JobId.random(), "mail", "5", 0, T, 1, Backoff.NONE, 0, "order-44", T);
        assertThat(await(() -> store.add(List.of(twiceInOneCall, twin))))
                .containsExactly(new Added(twiceInOneCall.id(), true), new Added(twiceInOneCall.id(), false));
        assertThat(await(() -> store.get(again.id()))).isEmpty();
        assertThat(read(first.id()).payloadJson()).isEqualTo("1");
        assertThat(await(() -> store.counts(T)).get(JobState.WAITING)).isEqualTo(3);
    }

    @Test
    void claimTakesLargestPriorityThenEarliestRunTimeThenAddOrder() {
        JobId low1 = addOne(job("work", 0, T));
        JobId high = addOne(job("work", 10, T));
        JobId low2 = addOne(job("work", 0, T));
        JobId mid = addOne(job("work", 5, T));
        JobId lowEarlier = addOne(job("work", 0, T - 1_000));
        addOne(job("other", 100, T)); // another name is never taken
        List<JobId> order = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            List<JobRecord> one = claim("work", 1, T);
            assertThat(one).hasSize(1);
            order.add(one.getFirst().id());
        }
        assertThat(order).containsExactly(high, mid, lowEarlier, low1, low2);
        assertThat(claim("work", 1, T)).isEmpty();
    }

    @Test
    void claimReturnsJobsInStartOrderAndHonoursItsLimit() {
        JobId a = addOne(job("work", 1, T));
        JobId b = addOne(job("work", 3, T));
        JobId c = addOne(job("work", 2, T));
        Claimed claimed = await(() -> store.claim("work", 2, "owner-1", T, T + LEASE));
        assertThat(claimed.jobs()).extracting(JobRecord::id).containsExactly(b, c);
        assertThat(claimed.nextRunAt()).hasValue(T); // a is still due
        assertThat(claim("work", 5, T)).extracting(JobRecord::id).containsExactly(a);
    }

    @Test
    void aJobIsNotTakenBeforeItsRunTimeAndTheClaimSaysWhenToLookAgain() {
        JobId later = addOne(job("work", 0, T + 5_000));
        Claimed early = await(() -> store.claim("work", 1, "owner-1", T, T + LEASE));
        assertThat(early.jobs()).isEmpty();
        assertThat(early.nextRunAt()).hasValue(T + 5_000);
        assertThat(claim("work", 1, T + 4_999)).isEmpty();
        assertThat(claim("work", 1, T + 5_000)).extracting(JobRecord::id).containsExactly(later);
        assertThat(await(() -> store.claim("work", 1, "owner-1", T, T + LEASE)).nextRunAt()).isEmpty();
    }

    @Test
    void aClaimMakesTheJobActiveUnderANewLease() {
        JobId id = addOne(job("work", "{}"));
        JobRecord active = claim("work", 1, T + 10).getFirst();
        assertThat(active.state()).isEqualTo(JobState.ACTIVE);
        assertThat(active.attemptsMade()).isEqualTo(1);
        assertThat(active.leaseToken()).isNotBlank();
        assertThat(active.leaseOwner()).isEqualTo("owner-1");
        assertThat(active.leaseUntil()).isEqualTo(T + 10 + LEASE);
        assertThat(active.startedAt()).isEqualTo(T + 10);
        assertThat(read(id)).isEqualTo(active);
        assertThat(active.lease()).isEqualTo(new Lease(id, active.leaseToken()));
    }

    @Test
    void concurrentClaimsNeverHandOutAJobTwice() {
        Set<JobId> added = new HashSet<>();
        List<NewJob> jobs = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            NewJob job = job("work", "{}");
            jobs.add(job);
            added.add(job.id());
        }
        await(() -> store.add(jobs));
        List<List<JobRecord>> claims = await(() -> {
            List<Promise<Claimed>> all = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                all.add(store.claim("work", 3, "owner-" + i, T, T + LEASE));
            }
            return Promise.all(all).map(list -> list.stream().map(Claimed::jobs).toList());
        });
        List<JobId> taken = claims.stream().flatMap(List::stream).map(JobRecord::id).toList();
        assertThat(taken).doesNotHaveDuplicates().hasSize(20);
        assertThat(new HashSet<>(taken)).isEqualTo(added);
    }

    @Test
    void completeStoresTheResultOnceAndOnlyUnderTheLease() {
        JobId id = addOne(job("work", "{}"));
        Lease lease = claim("work", 1, T).getFirst().lease();
        assertThat(await(() -> store.complete(new Lease(id, "someone-else"), "\"forged\"", T + 1))).isFalse();
        assertThat(await(() -> store.complete(lease, "{\"sum\":42}", T + 50))).isTrue();
        assertThat(await(() -> store.complete(lease, "\"again\"", T + 60))).isFalse();
        JobRecord done = read(id);
        assertThat(done.state()).isEqualTo(JobState.COMPLETED);
        assertThat(done.resultJson()).isEqualTo("{\"sum\":42}");
        assertThat(done.finishedAt()).isEqualTo(T + 50);
        assertThat(done.leaseToken()).isNull();
        assertThat(done.attemptsMade()).isEqualTo(1);
    }

    @Test
    void aFailedAttemptWithRetryWaitsAgainAndTheLastFailsForGood() {
        NewJob job = new NewJob(JobId.random(), "work", "{}", 0, T, 2, Backoff.fixed(Duration.ofSeconds(1)), 0, null, T);
        addOne(job);
        Lease first = claim("work", 1, T).getFirst().lease();
        assertThat(await(() -> store.fail(first, "IOException: down", T + 10, OptionalLong.of(T + 1_010)))).isTrue();
        JobRecord waiting = read(job.id());
        assertThat(waiting.state()).isEqualTo(JobState.WAITING);
        assertThat(waiting.stateAt(T + 10)).isEqualTo(JobState.DELAYED);
        assertThat(waiting.runAt()).isEqualTo(T + 1_010);
        assertThat(waiting.error()).isEqualTo("IOException: down");
        assertThat(waiting.attemptsMade()).isEqualTo(1);
        assertThat(claim("work", 1, T + 1_009)).isEmpty();

        JobRecord second = claim("work", 1, T + 1_010).getFirst();
        assertThat(second.attemptsMade()).isEqualTo(2);
        assertThat(await(() -> store.fail(first, "stale", T + 1_011, OptionalLong.empty()))).isFalse();
        assertThat(await(() -> store.fail(second.lease(), "IOException: still down", T + 1_020, OptionalLong.empty()))).isTrue();
        JobRecord failed = read(job.id());
        assertThat(failed.state()).isEqualTo(JobState.FAILED);
        assertThat(failed.error()).isEqualTo("IOException: still down");
        assertThat(failed.finishedAt()).isEqualTo(T + 1_020);
        assertThat(failed.attemptsMade()).isEqualTo(2);
    }

    @Test
    void releaseGivesTheJobBackWithoutCountingTheAttempt() {
        JobId id = addOne(job("work", "{}"));
        Lease lease = claim("work", 1, T).getFirst().lease();
        assertThat(await(() -> store.release(lease, T + 100))).isTrue();
        JobRecord back = read(id);
        assertThat(back.state()).isEqualTo(JobState.WAITING);
        assertThat(back.attemptsMade()).isZero();
        assertThat(back.runAt()).isEqualTo(T + 100);
        assertThat(await(() -> store.release(lease, T + 100))).isFalse();
    }

    @Test
    void progressIsStoredWhileTheLeaseIsHeld() {
        JobId id = addOne(job("work", "{}"));
        Lease lease = claim("work", 1, T).getFirst().lease();
        assertThat(await(() -> store.progress(lease, "50"))).isTrue();
        assertThat(read(id).progressJson()).isEqualTo("50");
        assertThat(await(() -> store.progress(lease, "{\"step\":\"two\"}"))).isTrue();
        assertThat(read(id).progressJson()).isEqualTo("{\"step\":\"two\"}");
        await(() -> store.complete(lease, "null", T + 1));
        assertThat(await(() -> store.progress(lease, "99"))).isFalse();
        assertThat(read(id).progressJson()).isEqualTo("{\"step\":\"two\"}");
    }

    @Test
    void extendingLeasesAnswersTheOnesNoLongerHeld() {
        addOne(job("work", "{}"));
        addOne(job("work", "{}"));
        List<JobRecord> active = claim("work", 2, T);
        Lease kept = active.get(0).lease();
        Lease finished = active.get(1).lease();
        await(() -> store.complete(finished, "1", T + 1));
        Lease unknown = new Lease(JobId.of("gone"), "token");
        assertThat(await(() -> store.extendLeases(List.of(kept, finished, unknown), T + 90_000)))
                .containsExactlyInAnyOrder(finished, unknown);
        assertThat(read(kept.id()).leaseUntil()).isEqualTo(T + 90_000);
    }

    @Test
    void anExpiredLeaseIsRecoveredTheAttemptGivenBackAndTheOldLeaseFencedOut() {
        JobId id = addOne(job("work", "{}"));
        Lease old = await(() -> store.claim("work", 1, "dead-process", T, T + 1_000)).jobs().getFirst().lease();
        assertThat(await(() -> store.recoverStalled(T + 999, 1))).isEmpty();

        List<Recovered> recovered = await(() -> store.recoverStalled(T + 1_000, 1));
        assertThat(recovered).hasSize(1);
        assertThat(recovered.getFirst().failed()).isFalse();
        JobRecord back = recovered.getFirst().job();
        assertThat(back.id()).isEqualTo(id);
        assertThat(back.state()).isEqualTo(JobState.WAITING);
        assertThat(back.stalls()).isEqualTo(1);
        assertThat(back.attemptsMade()).isZero();
        assertThat(back.runAt()).isEqualTo(T + 1_000);
        assertThat(back.leaseToken()).isNull();
        assertThat(read(id)).isEqualTo(back);

        JobRecord again = claim("work", 1, T + 1_000).getFirst();
        assertThat(again.attemptsMade()).isEqualTo(1);
        assertThat(again.leaseToken()).isNotEqualTo(old.token());
        assertThat(await(() -> store.complete(old, "\"late\"", T + 1_001))).isFalse();
        assertThat(await(() -> store.complete(again.lease(), "\"on time\"", T + 1_002))).isTrue();
        assertThat(read(id).resultJson()).isEqualTo("\"on time\"");
    }

    @Test
    void aJobThatStallsMoreThanAllowedFailsForGood() {
        JobId id = addOne(job("work", "{}"));
        await(() -> store.claim("work", 1, "dead-1", T, T + 1_000));
        assertThat(await(() -> store.recoverStalled(T + 1_000, 1))).extracting(Recovered::failed).containsExactly(false);
        await(() -> store.claim("work", 1, "dead-2", T + 1_000, T + 2_000));
        List<Recovered> second = await(() -> store.recoverStalled(T + 2_000, 1));
        assertThat(second).extracting(Recovered::failed).containsExactly(true);
        JobRecord failed = read(id);
        assertThat(failed.state()).isEqualTo(JobState.FAILED);
        assertThat(failed.stalls()).isEqualTo(2);
        assertThat(failed.finishedAt()).isEqualTo(T + 2_000);
        assertThat(failed.error()).contains("stalled 2 times");
        assertThat(claim("work", 1, T + 3_000)).isEmpty();
    }

    @Test
    void trimKeepsTheNewestFinishedJobsOfEachKind() {
        List<JobId> completed = new ArrayList<>();
        List<JobId> failed = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            completed.add(finish(i, true));
        }
        for (int i = 0; i < 3; i++) {
            failed.add(finish(10 + i, false));
        }
        JobId waiting = addOne(job("work", 0, T + 60_000));
        int removed = await(() -> store.trim(new Retention(2, 1, Duration.ZERO), T + 100));
        assertThat(removed).isEqualTo(5);
        assertThat(exists(completed)).containsExactly(false, false, false, true, true);
        assertThat(exists(failed)).containsExactly(false, false, true);
        assertThat(exists(List.of(waiting))).containsExactly(true);
        assertThat(await(() -> store.trim(Retention.KEEP_EVERYTHING, T + 100))).isZero();
    }

    @Test
    void trimRemovesFinishedJobsPastTheMaximumAge() {
        JobId old = finish(0, true);      // finished at T + 0
        JobId recent = finish(50, false); // finished at T + 50
        JobId waiting = addOne(job("work", 0, T + 60_000));
        int removed = await(() -> store.trim(new Retention(Retention.KEEP_ALL, Retention.KEEP_ALL, Duration.ofMillis(1_000)), T + 1_010));
        assertThat(removed).isEqualTo(1);
        assertThat(exists(List.of(old, recent, waiting))).containsExactly(false, true, true);
    }

    @Test
    void countsCoverEveryState() {
        addOne(job("work", 0, T));
        addOne(job("work", 0, T));
        addOne(job("work", 0, T + 10_000));
        finish(1, true);
        finish(2, false);
        addOne(job("busy", 0, T));
        claim("busy", 1, T);
        Map<JobState, Long> counts = await(() -> store.counts(T));
        assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.of(
                JobState.WAITING, 2L, JobState.DELAYED, 1L, JobState.ACTIVE, 1L,
                JobState.COMPLETED, 1L, JobState.FAILED, 1L));
        assertThat(await(() -> store.counts(T + 10_000)).get(JobState.WAITING)).isEqualTo(3);
    }

    @Test
    void aClosedStoreRejectsCalls() {
        await(store::close);
        Throwable error = started.awaitRejection(() -> store.get(JobId.of("x")));
        assertThat(error).isInstanceOf(JobQueueClosedException.class);
        await(store::close); // idempotent
    }

    /** Adds a job of its own name, claims it and completes or fails it at {@code T + offset}. */
    private JobId finish(int offset, boolean complete) {
        String name = "finish-" + offset;
        JobId id = addOne(job(name, 0, T));
        Lease lease = claim(name, 1, T).getFirst().lease();
        boolean done = complete
                ? await(() -> store.complete(lease, "1", T + offset))
                : await(() -> store.fail(lease, "boom", T + offset, OptionalLong.empty()));
        assertThat(done).isTrue();
        return id;
    }

    private List<Boolean> exists(List<JobId> ids) {
        List<Boolean> present = new ArrayList<>();
        for (JobId id : ids) {
            Optional<JobRecord> job = await(() -> store.get(id));
            present.add(job.isPresent());
        }
        return present;
    }
}
