package dev.spindle.workers;

import dev.spindle.loop.Loop;
import dev.spindle.loop.Timer;
import java.util.ArrayList;
import java.util.List;

/**
 * A loop for one test, run on the test thread. Any uncaught exception or unhandled rejection stops
 * the loop and fails the test; a guard timer (unreferenced, so it never keeps the loop alive) stops
 * a loop that is still busy after the time limit.
 */
final class LoopFixture implements AutoCloseable {

    static final long GUARD_MILLIS = 20_000;

    final Loop loop = Loop.create();
    private final List<Throwable> failures = new ArrayList<>();

    LoopFixture() {
        loop.onUncaughtException(this::fail);
        loop.onUnhandledRejection((promise, error) -> fail(error));
    }

    /** Records a failure and stops the loop; the test fails when {@link #run()} returns. */
    void fail(Throwable error) {
        failures.add(error);
        loop.stop();
    }

    /** Runs the loop until nothing is alive, then fails the test if anything went wrong. */
    void run() {
        Timer guard = loop.setTimeout(() -> fail(
                new AssertionError("the loop was still busy after " + GUARD_MILLIS + " ms")), GUARD_MILLIS).unref();
        loop.run();
        guard.close();
        if (!failures.isEmpty()) {
            AssertionError error = new AssertionError("the loop reported " + failures.size() + " failure(s)", failures.getFirst());
            failures.stream().skip(1).forEach(error::addSuppressed);
            failures.clear();
            throw error;
        }
    }

    @Override
    public void close() {
        loop.close();
    }
}
