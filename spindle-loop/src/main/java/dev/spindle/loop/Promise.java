package dev.spindle.loop;

import dev.spindle.loop.internal.Combinators;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Spindle's one async type: a value that arrives later, bound to the loop that created it.
 *
 * <p>A promise settles once: the first {@link #resolve} or {@link #reject} wins and later calls
 * return false. Continuations ({@link #map}, {@link #then}, ...) always run as microtasks on the
 * promise's loop, never on the thread that settled it. A rejection that nothing handles reaches
 * the loop's {@linkplain Loop#onUnhandledRejection unhandled-rejection handler}.
 *
 * <p>{@link #resolve} and {@link #reject} may be called from any thread; a call from another thread
 * settles the promise on its loop, in the pending phase. Every other method is for the loop thread.
 */
public interface Promise<T> {

    /** Whether the promise is still pending. */
    boolean isPending();

    /** Whether the promise settled with a value. */
    boolean isFulfilled();

    /** Whether the promise settled with an error. */
    boolean isRejected();

    /** The value, if fulfilled. */
    Optional<T> value();

    /** The reason, if rejected. */
    Optional<Throwable> error();

    /** The loop this promise belongs to; its continuations run there. */
    Loop loop();

    /** Fulfils the promise; false if it was already settled. Any thread. */
    boolean resolve(T value);

    /** Rejects the promise; false if it was already settled. Any thread. */
    boolean reject(Throwable error);

    /** A promise of {@code mapper} applied to this value; a thrown exception rejects it. */
    <R> Promise<R> map(Function<? super T, ? extends R> mapper);

    /** A promise that follows the promise {@code mapper} returns for this value. */
    <R> Promise<R> flatMap(Function<? super T, ? extends Promise<R>> mapper);

    /** Runs {@code action} with the value; the returned promise settles as this one after it. */
    Promise<T> then(Consumer<? super T> action);

    /**
     * Runs {@code action} with the error if this rejects, which counts as handling the rejection,
     * and returns this promise (as Vert.x's {@code onFailure}), so no new unhandled rejection is born.
     */
    Promise<T> onFailure(Consumer<? super Throwable> action);

    /** A promise fulfilled with {@code recovery} of the error when this one rejects. */
    Promise<T> recover(Function<? super Throwable, ? extends T> recovery);

    /** A promise that follows the promise {@code recovery} returns for the error. */
    Promise<T> recoverWith(Function<? super Throwable, ? extends Promise<T>> recovery);

    /** Runs {@code action} however this settles; JavaScript's {@code finally}. */
    Promise<T> andFinally(Runnable action);

    /** Runs {@code action} with (value, null) or (null, error); passes the outcome on. */
    Promise<T> whenComplete(BiConsumer<? super T, ? super Throwable> action);

    /** A promise that rejects with {@link PromiseTimeoutException} unless this settles within {@code timeout}. */
    Promise<T> timeout(Duration timeout);

    /**
     * A {@link CompletableFuture} completed, on the loop thread, when this promise settles, for
     * code that speaks {@link CompletionStage}. Any thread may wait on it, except the loop's.
     */
    CompletableFuture<T> toCompletableFuture();

    /** A promise fulfilled with {@code value} on the current loop. */
    static <T> Promise<T> resolved(T value) {
        Promise<T> promise = Loop.current().promise();
        promise.resolve(value);
        return promise;
    }

    /** A promise rejected with {@code error} on the current loop. */
    static <T> Promise<T> rejected(Throwable error) {
        Promise<T> promise = Loop.current().promise();
        promise.reject(error);
        return promise;
    }

    /** A promise on the current loop that settles when {@code stage} completes, on any thread. */
    static <T> Promise<T> from(CompletionStage<T> stage) {
        return Loop.current().adopt(stage);
    }

    /** Fulfils with every value, in input order, or rejects with the first rejection. */
    static <T> Promise<List<T>> all(List<? extends Promise<? extends T>> promises) {
        return Combinators.all(Loop.current(), promises);
    }

    /** Fulfils, once every promise has settled, with each outcome in input order. */
    static <T> Promise<List<Settled<T>>> allSettled(List<? extends Promise<? extends T>> promises) {
        return Combinators.allSettled(Loop.current(), promises);
    }

    /** Fulfils with the first value, or rejects with {@link AggregateException} when all reject. */
    static <T> Promise<T> any(List<? extends Promise<? extends T>> promises) {
        return Combinators.any(Loop.current(), promises);
    }

    /** Settles as the first of {@code promises} to settle; never settles for an empty list. */
    static <T> Promise<T> race(List<? extends Promise<? extends T>> promises) {
        return Combinators.race(Loop.current(), promises);
    }
}
