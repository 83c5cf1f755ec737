package dev.spindle.http.client;

import dev.spindle.loop.Loop;
import dev.spindle.loop.Promise;
import java.util.function.Function;

/** Test support: a client's loop on the test thread, run until one promise settles. */
final class ClientLoop implements AutoCloseable {

    final Loop loop = Loop.create();

    /**
     * Calls {@code start} inside the running loop, runs the loop until the promise it returns settles
     * (then stops it, whatever else is still pending), and returns the settled promise.
     */
    <T> Promise<T> run(Function<Loop, Promise<T>> start) {
        Promise<T> promise = loop.promise();
        promise.onFailure(ignored -> { }); // the test reads the outcome itself
        loop.setImmediate(() -> start.apply(loop).whenComplete((value, error) -> {
            if (error != null) {
                promise.reject(error);
            } else {
                promise.resolve(value);
            }
            loop.stop();
        }).onFailure(ignored -> { }));
        loop.run();
        if (promise.isPending()) {
            throw new AssertionError("the loop ended before the promise settled");
        }
        return promise;
    }

    /** The value of {@link #run}'s promise; an error fails the test with it as the cause. */
    <T> T value(Function<Loop, Promise<T>> start) {
        Promise<T> promise = run(start);
        if (promise.isRejected()) {
            throw new AssertionError("rejected: " + promise.error().orElseThrow(), promise.error().orElseThrow());
        }
        return promise.value().orElse(null);
    }

    /** The error of {@link #run}'s promise. */
    Throwable error(Function<Loop, Promise<?>> start) {
        Promise<?> promise = run(start::apply);
        if (!promise.isRejected()) {
            throw new AssertionError("fulfilled with " + promise.value().orElse(null) + ", expected an error");
        }
        return promise.error().orElseThrow();
    }

    @Override
    public void close() {
        loop.close();
    }
}
