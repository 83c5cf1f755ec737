package dev.spindle.loop.internal;

import dev.spindle.loop.Loop;
import dev.spindle.loop.Promise;
import dev.spindle.loop.PromiseTimeoutException;
import dev.spindle.loop.Timer;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The promise. Settling is claimed with one compare-and-set, so {@link #resolve} and
 * {@link #reject} are safe from any thread; everything after the claim happens on the loop thread,
 * where reactions are queued as microtasks. A rejection with no reaction is reported to the loop
 * after the current drain unless a reaction is attached by then.
 */
final class DefaultPromise<T> implements Promise<T> {

    private static final VarHandle CLAIMED;

    static {
        try {
            CLAIMED = MethodHandles.lookup().findVarHandle(DefaultPromise.class, "claimed", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static final byte PENDING = 0;
    private static final byte FULFILLED = 1;
    private static final byte REJECTED = 2;

    private final EventLoop loop;
    @SuppressWarnings("unused")
    private volatile boolean claimed;
    private byte state = PENDING;
    private boolean handled;
    private T value;
    private Throwable error;
    /** Null, one {@link Reaction}, or an ArrayList of them, in the order attached. */
    private Object reactions;

    DefaultPromise(EventLoop loop) {
        this.loop = loop;
    }

    // ---------------------------------------------------------------- settling

    @Override
    public boolean resolve(T value) {
        return claimAndSettle(FULFILLED, value, null);
    }

    @Override
    public boolean reject(Throwable error) {
        return claimAndSettle(REJECTED, null, Objects.requireNonNull(error, "error"));
    }

    /** Settles with a value, or with {@code error} when it is not null. */
    void settle(T value, Throwable error) {
        if (error == null) {
            resolve(value);
        } else {
            reject(error);
        }
    }

    private boolean claimAndSettle(byte outcome, T value, Throwable error) {
        if (!CLAIMED.compareAndSet(this, false, true)) {
            return false;
        }
        if (loop.inLoop()) {
            complete(outcome, value, error);
        } else {
            loop.execute(() -> complete(outcome, value, error));
        }
        return true;
    }

    private void complete(byte outcome, T value, Throwable error) {
        this.state = outcome;
        this.value = value;
        this.error = error;
        Object attached = reactions;
        reactions = null;
        if (attached == null) {
            if (outcome == REJECTED) {
                loop.dispatcher().trackRejection(this);
            }
        } else if (attached instanceof Reaction<?, ?> single) {
            loop.dispatcher().queueMicrotask(single);
        } else {
            for (Object reaction : (ArrayList<?>) attached) {
                loop.dispatcher().queueMicrotask((Reaction<?, ?>) reaction);
            }
        }
    }

    /** Attaches a reaction: queued now if settled, else when this settles. Marks a rejection handled. */
    void react(Reaction<T, ?> reaction) {
        handled = true;
        if (state != PENDING) {
            loop.dispatcher().queueMicrotask(reaction);
        } else if (reactions == null) {
            reactions = reaction;
        } else if (reactions instanceof ArrayList<?> list) {
            @SuppressWarnings("unchecked")
            ArrayList<Object> many = (ArrayList<Object>) list;
            many.add(reaction);
        } else {
            ArrayList<Object> many = new ArrayList<>(4);
            many.add(reactions);
            many.add(reaction);
            reactions = many;
        }
    }

    /** Internal listener with no derived promise, so it can never cause an unhandled rejection. */
    void subscribe(BiConsumer<? super T, ? super Throwable> listener) {
        loop.checkLoopThread();
        react(new Reaction<>(Reaction.LISTEN, this, null, listener));
    }

    private <R> Promise<R> chain(int kind, Object function) {
        loop.checkLoopThread();
        DefaultPromise<R> target = new DefaultPromise<>(loop);
        react(new Reaction<>(kind, this, target, Objects.requireNonNull(function)));
        return target;
    }

    boolean isHandled() {
        return handled;
    }

    T valueNow() {
        return value;
    }

    Throwable errorNow() {
        return error;
    }

    // ---------------------------------------------------------------- state

    @Override
    public boolean isPending() {
        return state == PENDING;
    }

    @Override
    public boolean isFulfilled() {
        return state == FULFILLED;
    }

    @Override
    public boolean isRejected() {
        return state == REJECTED;
    }

    @Override
    public Optional<T> value() {
        return state == FULFILLED ? Optional.ofNullable(value) : Optional.empty();
    }

    @Override
    public Optional<Throwable> error() {
        return Optional.ofNullable(error);
    }

    @Override
    public Loop loop() {
        return loop;
    }

    // ---------------------------------------------------------------- continuations

    @Override
    public <R> Promise<R> map(Function<? super T, ? extends R> mapper) {
        return chain(Reaction.MAP, mapper);
    }

    @Override
    public <R> Promise<R> flatMap(Function<? super T, ? extends Promise<R>> mapper) {
        return chain(Reaction.FLAT_MAP, mapper);
    }

    @Override
    public Promise<T> then(Consumer<? super T> action) {
        return chain(Reaction.THEN, action);
    }

    @Override
    public Promise<T> onFailure(Consumer<? super Throwable> action) {
        Objects.requireNonNull(action, "action");
        subscribe((value, error) -> {
            if (error != null) {
                action.accept(error);
            }
        });
        return this;
    }

    @Override
    public Promise<T> recover(Function<? super Throwable, ? extends T> recovery) {
        return chain(Reaction.RECOVER, recovery);
    }

    @Override
    public Promise<T> recoverWith(Function<? super Throwable, ? extends Promise<T>> recovery) {
        return chain(Reaction.RECOVER_WITH, recovery);
    }

    @Override
    public Promise<T> andFinally(Runnable action) {
        return chain(Reaction.FINALLY, action);
    }

    @Override
    public Promise<T> whenComplete(BiConsumer<? super T, ? super Throwable> action) {
        return chain(Reaction.WHEN_COMPLETE, action);
    }

    @Override
    public Promise<T> timeout(Duration timeout) {
        loop.checkLoopThread();
        DefaultPromise<T> target = new DefaultPromise<>(loop);
        Timer timer = loop.setTimeout(() -> target.reject(new PromiseTimeoutException(timeout)), Math.max(1, timeout.toMillis()));
        subscribe((value, error) -> {
            timer.close();
            target.settle(value, error);
        });
        return target;
    }

    @Override
    public CompletableFuture<T> toCompletableFuture() {
        CompletableFuture<T> future = new CompletableFuture<>();
        if (loop.inLoop()) {
            bridgeTo(future);
        } else {
            loop.execute(() -> bridgeTo(future));
        }
        return future;
    }

    private void bridgeTo(CompletableFuture<T> future) {
        subscribe((value, error) -> {
            if (error == null) {
                future.complete(value);
            } else {
                future.completeExceptionally(error);
            }
        });
    }

    @Override
    public String toString() {
        return switch (state) {
            case FULFILLED -> "Promise[fulfilled: " + value + "]";
            case REJECTED -> "Promise[rejected: " + error + "]";
            default -> "Promise[pending]";
        };
    }
}
