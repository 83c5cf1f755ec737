package dev.spindle.loop.internal;

import dev.spindle.loop.AggregateException;
import dev.spindle.loop.Loop;
import dev.spindle.loop.Promise;
import dev.spindle.loop.Settled;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** {@link Promise#all}, {@link Promise#allSettled}, {@link Promise#any} and {@link Promise#race}. */
public final class Combinators {

    private Combinators() {}

    public static <T> Promise<List<T>> all(Loop loop, List<? extends Promise<? extends T>> promises) {
        Promise<List<T>> result = loop.promise();
        Object[] values = new Object[promises.size()];
        int[] remaining = {promises.size()};
        if (promises.isEmpty()) {
            result.resolve(List.of());
        }
        for (int i = 0; i < promises.size(); i++) {
            int index = i;
            listen(loop, promises.get(i), (value, error) -> {
                if (error != null) {
                    result.reject(error);
                } else {
                    values[index] = value;
                    if (--remaining[0] == 0) {
                        result.resolve(unmodifiable(values));
                    }
                }
            });
        }
        return result;
    }

    public static <T> Promise<List<Settled<T>>> allSettled(Loop loop, List<? extends Promise<? extends T>> promises) {
        Promise<List<Settled<T>>> result = loop.promise();
        @SuppressWarnings({"unchecked", "rawtypes"})
        Settled<T>[] outcomes = new Settled[promises.size()];
        int[] remaining = {promises.size()};
        if (promises.isEmpty()) {
            result.resolve(List.of());
        }
        for (int i = 0; i < promises.size(); i++) {
            int index = i;
            Promise<? extends T> promise = promises.get(i);
            listen(loop, promise, (value, error) -> {
                outcomes[index] = new Settled<>(value, error);
                if (--remaining[0] == 0) {
                    result.resolve(Arrays.asList(outcomes));
                }
            });
        }
        return result;
    }

    public static <T> Promise<T> any(Loop loop, List<? extends Promise<? extends T>> promises) {
        Promise<T> result = loop.promise();
        Throwable[] errors = new Throwable[promises.size()];
        int[] remaining = {promises.size()};
        if (promises.isEmpty()) {
            result.reject(new AggregateException(List.of()));
        }
        for (int i = 0; i < promises.size(); i++) {
            int index = i;
            listen(loop, promises.get(i), (value, error) -> {
                if (error == null) {
                    result.resolve(value);
                } else {
                    errors[index] = error;
                    if (--remaining[0] == 0) {
                        result.reject(new AggregateException(Arrays.asList(errors)));
                    }
                }
            });
        }
        return result;
    }

    public static <T> Promise<T> race(Loop loop, List<? extends Promise<? extends T>> promises) {
        DefaultPromise<T> result = (DefaultPromise<T>) loop.<T>promise();
        for (Promise<? extends T> promise : promises) {
            listen(loop, promise, result::settle);
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private static <T> void listen(Loop loop, Promise<? extends T> promise,
            java.util.function.BiConsumer<? super T, ? super Throwable> listener) {
        if (!(promise instanceof DefaultPromise<?> own) || own.loop() != loop) {
            throw new IllegalArgumentException("combinators take promises of the calling loop: " + promise);
        }
        ((DefaultPromise<T>) own).subscribe(listener);
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> unmodifiable(Object[] values) {
        return (List<T>) java.util.Collections.unmodifiableList(new ArrayList<>(Arrays.asList(values)));
    }
}
