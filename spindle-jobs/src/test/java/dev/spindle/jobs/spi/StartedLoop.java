package dev.spindle.jobs.spi;

import dev.spindle.loop.Handle;
import dev.spindle.loop.Loop;
import dev.spindle.loop.LoopOptions;
import dev.spindle.loop.Promise;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Test support: a loop running on its own thread, kept alive until {@link #close()}, and a way for
 * the test thread to run code on it and wait for a promise with a deadline. Uncaught exceptions
 * are kept and fail the test at {@link #close()}.
 */
public final class StartedLoop implements AutoCloseable {

    /** How long {@link #await} waits before it fails the test. */
    public static final Duration DEADLINE = Duration.ofSeconds(20);

    private final Loop loop;
    private final Handle keepAlive;
    private final Thread thread;
    private final AtomicReference<Throwable> uncaught = new AtomicReference<>();

    public StartedLoop() {
        this(LoopOptions.DEFAULTS);
    }

    public StartedLoop(LoopOptions options) {
        loop = Loop.create(options);
        loop.onUncaughtException(error -> uncaught.compareAndSet(null, error));
        keepAlive = loop.keepAlive();
        thread = loop.start();
    }

    public Loop loop() {
        return loop;
    }

    /** Runs {@code work} on the loop thread and answers what it returns. */
    public <T> T call(Supplier<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        loop.execute(() -> {
            try {
                result.complete(work.get());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return get(result);
    }

    /** Runs {@code work} on the loop thread. */
    public void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }

    /** Starts the promise {@code work} returns on the loop, and waits for its value; a rejection is thrown. */
    public <T> T await(Supplier<? extends Promise<T>> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        loop.execute(() -> {
            try {
                work.get().whenComplete((value, error) -> {
                    if (error != null) {
                        result.completeExceptionally(error);
                    } else {
                        result.complete(value);
                    }
                }).onFailure(error -> { });
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return get(result);
    }

    /** Like {@link #await} but answers the rejection, failing if the promise fulfils. */
    public <T> Throwable awaitRejection(Supplier<? extends Promise<T>> work) {
        try {
            T value = await(work);
            throw new AssertionError("expected a rejection, got " + value);
        } catch (PromiseRejected rejected) {
            return rejected.getCause();
        }
    }

    private static <T> T get(CompletableFuture<T> future) {
        try {
            return future.get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new PromiseRejected(e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("no answer from the loop within " + DEADLINE, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    @Override
    public void close() {
        run(keepAlive::close);
        loop.stop();
        try {
            thread.join(DEADLINE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        loop.close();
        Throwable error = uncaught.get();
        if (error != null) {
            throw new AssertionError("the loop reported an uncaught exception", error);
        }
    }

    /** A promise rejected (or the work threw); the cause is the reason. */
    public static final class PromiseRejected extends RuntimeException {
        PromiseRejected(Throwable cause) {
            super(cause.toString(), cause);
        }
    }
}
