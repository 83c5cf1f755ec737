package dev.spindle.monitor;

import dev.spindle.loop.Handle;
import dev.spindle.loop.Loop;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Test support: a loop running on a thread of its own, kept alive until closed. */
final class LoopThread implements AutoCloseable {

    final Loop loop = Loop.create();
    private final Handle keepAlive = loop.keepAlive();
    private final Thread thread = loop.start();

    /** Runs {@code action} on the loop and waits for its result. */
    <T> T onLoop(Supplier<T> action) {
        try {
            return loop.submit(action::get).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        loop.execute(keepAlive::close);
        thread.join(10_000);
        loop.close();
    }
}
