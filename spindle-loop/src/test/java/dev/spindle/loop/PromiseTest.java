package dev.spindle.loop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PromiseTest {

    private final VirtualLoop v = new VirtualLoop();
    private final Loop loop = v.loop;
    private final List<Throwable> unhandled = new ArrayList<>();

    PromiseTest() {
        loop.onUnhandledRejection((promise, error) -> unhandled.add(error));
    }

    @AfterEach
    void close() {
        v.close();
    }

    /** Runs {@code body} as a loop callback and the loop until idle. */
    private void onLoop(Runnable body) {
        loop.setImmediate(body);
        loop.run();
    }

    @Test
    void settlesOnceAndLaterCallsReportFalse() {
        Promise<String> p = loop.promise();
        assertThat(p.isPending()).isTrue();
        assertThat(p.resolve("first")).isTrue();
        assertThat(p.resolve("second")).isFalse();
        assertThat(p.reject(new IllegalStateException())).isFalse();
        assertThat(p.value()).contains("first");
        assertThat(p.isFulfilled()).isTrue();
        assertThat(p.error()).isEmpty();
    }

    @Test
    void continuationsRunAsMicrotasksNotInline() {
        onLoop(() -> {
            Promise<Integer> p = loop.promise();
            p.resolve(1);
            p.then(x -> v.log.add("continuation"));
            v.log.add("after then()");
        });
        assertThat(v.log).containsExactly("after then()", "continuation");
    }

    @Test
    void mapFlatMapAndThenChainValues() {
        List<Object> results = new ArrayList<>();
        onLoop(() -> {
            Promise<Integer> p = loop.promise();
            p.map(x -> x * 2)
                    .flatMap(x -> loop.offload(() -> x + 1))
                    .then(results::add)
                    .map(x -> "v" + x)
                    .then(results::add);
            p.resolve(20);
        });
        assertThat(results).containsExactly(41, "v41");
    }

    @Test
    void aThrowingMapperRejectsTheDerivedPromiseAndRecoverHandlesIt() {
        List<Object> results = new ArrayList<>();
        onLoop(() -> {
            Promise<Integer> p = loop.promise();
            p.<Integer>map(x -> { throw new IllegalArgumentException("bad " + x); })
                    .then(results::add) // skipped: the error passes through
                    .onFailure(e -> results.add("saw " + e.getMessage()))
                    .recover(e -> -1)
                    .then(results::add);
            p.resolve(7);
        });
        assertThat(results).containsExactly("saw bad 7", -1);
        assertThat(unhandled).isEmpty();
    }

    @Test
    void recoverWithFollowsTheReturnedPromise() {
        List<Object> results = new ArrayList<>();
        onLoop(() -> Promise.<String>rejected(new IllegalStateException("down"))
                .recoverWith(e -> loop.offload(() -> "fallback after " + e.getMessage()))
                .then(results::add));
        assertThat(results).containsExactly("fallback after down");
    }

    @Test
    void andFinallyAndWhenCompleteRunEitherWayAndPassTheOutcomeOn() {
        List<Object> results = new ArrayList<>();
        onLoop(() -> {
            Promise.resolved("ok").andFinally(() -> results.add("finally ok"))
                    .whenComplete((value, error) -> results.add("complete " + value + " " + error));
            Promise.<String>rejected(new IllegalStateException("no")).andFinally(() -> results.add("finally no"))
                    .whenComplete((value, error) -> results.add("complete " + value + " " + error.getMessage()))
                    .onFailure(e -> results.add("handled"));
        });
        assertThat(results).containsExactly("finally ok", "finally no", "complete ok null", "complete null no", "handled");
    }

    @Test
    void anUnhandledRejectionReachesTheLoopsHandlerWithItsError() {
        IllegalStateException error = new IllegalStateException("nobody listens");
        onLoop(() -> loop.promise().reject(error));
        assertThat(unhandled).containsExactly(error);
    }

    @Test
    void aRejectionHandledInTheSameCallbackIsNotReported() {
        onLoop(() -> {
            Promise<String> p = loop.promise();
            p.reject(new IllegalStateException("handled later in the same callback"));
            p.onFailure(e -> v.log.add("handled"));
        });
        assertThat(unhandled).isEmpty();
        assertThat(v.log).containsExactly("handled");
    }

    @Test
    void aRejectionPassingThroughAnUnhandledChainIsReportedOnce() {
        onLoop(() -> Promise.<Integer>rejected(new IllegalStateException("deep")).map(x -> x + 1).then(x -> {}));
        assertThat(unhandled).singleElement().satisfies(e -> assertThat(e).hasMessage("deep"));
    }

    @Test
    void allKeepsInputOrderAndRejectsWithTheFirstError() {
        List<Object> results = new ArrayList<>();
        onLoop(() -> {
            Promise<Integer> slow = loop.promise();
            Promise<Integer> fast = loop.promise();
            Promise.all(List.of(slow, fast)).then(results::add);
            loop.setTimeout(() -> slow.resolve(1), 20);
            loop.setTimeout(() -> fast.resolve(2), 10);
            Promise<Integer> bad = loop.promise();
            Promise.all(List.of(loop.<Integer>promise(), bad)).onFailure(e -> results.add(e.getMessage()));
            bad.reject(new IllegalStateException("first error"));
            Promise.all(List.<Promise<Integer>>of()).then(results::add);
        });
        assertThat(results).containsExactly(List.of(), "first error", List.of(1, 2));
    }

    @Test
    void allSettledReportsEveryOutcome() {
        List<List<Settled<Integer>>> results = new ArrayList<>();
        IllegalStateException error = new IllegalStateException("x");
        onLoop(() -> Promise.allSettled(List.of(Promise.resolved(1), Promise.<Integer>rejected(error)))
                .then(results::add));
        assertThat(results).singleElement().satisfies(outcomes -> {
            assertThat(outcomes.get(0)).isEqualTo(new Settled<>(1, null));
            assertThat(outcomes.get(1).isRejected()).isTrue();
            assertThat(outcomes.get(1).error()).isSameAs(error);
        });
        assertThat(unhandled).isEmpty();
    }

    @Test
    void anyTakesTheFirstValueOrAggregatesEveryError() {
        List<Object> results = new ArrayList<>();
        onLoop(() -> {
            Promise.any(List.of(Promise.<Integer>rejected(new IllegalStateException("a")), Promise.resolved(2)))
                    .then(results::add);
            Promise.any(List.of(Promise.<Integer>rejected(new IllegalStateException("a")),
                            Promise.<Integer>rejected(new IllegalStateException("b"))))
                    .onFailure(e -> results.add(((AggregateException) e).errors().stream().map(Throwable::getMessage).toList()));
        });
        assertThat(results).containsExactly(2, List.of("a", "b"));
    }

    @Test
    void raceSettlesAsTheFirstToSettle() {
        List<Object> results = new ArrayList<>();
        onLoop(() -> {
            Promise<String> slow = loop.promise();
            Promise<String> fast = loop.promise();
            loop.setTimeout(() -> slow.resolve("slow"), 20);
            loop.setTimeout(() -> fast.reject(new IllegalStateException("fast failure")), 10);
            Promise.race(List.of(slow, fast)).onFailure(e -> results.add(e.getMessage()));
        });
        assertThat(results).containsExactly("fast failure");
    }

    @Test
    void timeoutRejectsALatePromiseAndPassesATimelyOne() {
        List<Object> results = new ArrayList<>();
        onLoop(() -> {
            Promise<String> late = loop.promise();
            late.timeout(Duration.ofMillis(50)).onFailure(e -> results.add(e.getClass().getSimpleName() + "@" + loop.now()));
            loop.setTimeout(() -> late.resolve("too late"), 100);
            Promise<String> timely = loop.promise();
            timely.timeout(Duration.ofMillis(50)).then(results::add);
            loop.setTimeout(() -> timely.resolve("in time"), 10);
        });
        assertThat(results).containsExactly("in time", "PromiseTimeoutException@50");
    }

    @Test
    void aCompletableFutureCompletedOnAnotherThreadResumesOnTheLoop() throws Exception {
        Thread loopThread = Thread.currentThread();
        List<Object> results = new ArrayList<>();
        CompletableFuture<String> future = new CompletableFuture<>();
        onLoop(() -> {
            Promise.from(future).then(value -> results.add(value + " on " + (Thread.currentThread() == loopThread)));
            Thread.ofPlatform().start(() -> future.complete("done"));
        });
        assertThat(results).containsExactly("done on true");
    }

    @Test
    void aFailedCompletionStageRejectsWithTheUnwrappedCause() {
        List<Throwable> errors = new ArrayList<>();
        IllegalStateException cause = new IllegalStateException("root");
        onLoop(() -> Promise.from(CompletableFuture.supplyAsync(() -> { throw cause; }))
                .onFailure(errors::add));
        assertThat(errors).containsExactly(cause);
    }

    @Test
    void toCompletableFutureCompletesWhenThePromiseSettles() throws Exception {
        try (Loop real = Loop.create()) {
            Handle keepAlive = real.keepAlive();
            Promise<String> p = real.promise();
            CompletableFuture<String> future = p.toCompletableFuture();
            Thread thread = real.start();
            p.resolve("from a test thread"); // any thread may settle
            assertThat(future.get(10, TimeUnit.SECONDS)).isEqualTo("from a test thread");
            real.execute(keepAlive::close);
            thread.join(10_000);
            assertThat(thread.isAlive()).isFalse();
        }
    }

    @Test
    void resolvingFromAnotherThreadSettlesOnTheLoop() throws Exception {
        Thread loopThread = Thread.currentThread();
        List<String> results = new ArrayList<>();
        onLoop(() -> {
            Promise<String> p = loop.promise();
            p.then(value -> results.add(value + " on loop " + (Thread.currentThread() == loopThread)));
            Handle keepAlive = loop.keepAlive();
            p.andFinally(keepAlive::close);
            Thread.ofPlatform().start(() -> p.resolve("cross-thread"));
        });
        assertThat(results).containsExactly("cross-thread on loop true");
    }

    @Test
    void flatMapToAnotherLoopsPromiseIsAClearError() {
        List<Throwable> errors = new ArrayList<>();
        try (Loop other = Loop.create()) {
            onLoop(() -> Promise.resolved(1).flatMap(x -> other.<Integer>promise()).onFailure(errors::add));
        }
        assertThat(errors).singleElement().isInstanceOf(IllegalArgumentException.class);
    }
}
