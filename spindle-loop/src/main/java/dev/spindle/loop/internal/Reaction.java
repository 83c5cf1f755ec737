package dev.spindle.loop.internal;

import dev.spindle.loop.Promise;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One continuation of a settled promise, queued as a microtask. A single class with a kind, not a
 * lambda per combinator, so a continuation costs one object plus its derived promise.
 */
final class Reaction<T, R> implements Runnable {

    static final int MAP = 0;
    static final int FLAT_MAP = 1;
    static final int THEN = 2;
    static final int RECOVER = 3;
    static final int RECOVER_WITH = 4;
    static final int FINALLY = 5;
    static final int WHEN_COMPLETE = 6;
    static final int LISTEN = 7;

    private final int kind;
    private final DefaultPromise<T> source;
    private final DefaultPromise<R> target;
    private final Object function;

    Reaction(int kind, DefaultPromise<T> source, DefaultPromise<R> target, Object function) {
        this.kind = kind;
        this.source = source;
        this.target = target;
        this.function = function;
    }

    @Override
    public void run() {
        T value = source.valueNow();
        Throwable error = source.errorNow();
        try {
            if (error == null) {
                onValue(value);
            } else {
                onError(error);
            }
        } catch (Throwable thrown) {
            if (target == null) {
                throw thrown; // a listener's failure is nobody's but the loop's
            }
            target.reject(thrown);
        }
    }

    @SuppressWarnings("unchecked")
    private void onValue(T value) {
        switch (kind) {
            case MAP -> target.resolve(((Function<T, R>) function).apply(value));
            case FLAT_MAP -> follow(((Function<T, Promise<R>>) function).apply(value));
            case THEN -> {
                ((Consumer<T>) function).accept(value);
                target.resolve((R) value);
            }
            case FINALLY -> {
                ((Runnable) function).run();
                target.resolve((R) value);
            }
            case WHEN_COMPLETE -> {
                ((BiConsumer<T, Throwable>) function).accept(value, null);
                target.resolve((R) value);
            }
            case LISTEN -> ((BiConsumer<T, Throwable>) function).accept(value, null);
            default -> target.resolve((R) value); // RECOVER and RECOVER_WITH pass values on
        }
    }

    @SuppressWarnings("unchecked")
    private void onError(Throwable error) {
        switch (kind) {
            case RECOVER -> target.resolve(((Function<Throwable, R>) function).apply(error));
            case RECOVER_WITH -> follow(((Function<Throwable, Promise<R>>) function).apply(error));
            case FINALLY -> {
                ((Runnable) function).run();
                target.reject(error);
            }
            case WHEN_COMPLETE -> {
                ((BiConsumer<T, Throwable>) function).accept(null, error);
                target.reject(error);
            }
            case LISTEN -> ((BiConsumer<T, Throwable>) function).accept(null, error);
            default -> target.reject(error); // MAP, FLAT_MAP, THEN pass errors on
        }
    }

    private void follow(Promise<R> next) {
        if (next == null) {
            throw new NullPointerException("the function returned a null promise");
        }
        if (!(next instanceof DefaultPromise<R> inner) || inner.loop() != source.loop()) {
            throw new IllegalArgumentException("flatMap/recoverWith must return a promise of the same loop; "
                    + "bridge another loop's promise with loop.adopt(other.toCompletableFuture())");
        }
        inner.subscribe(target::settle);
    }
}
