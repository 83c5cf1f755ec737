package dev.spindle.jobs;

import dev.spindle.loop.Loop;
import dev.spindle.loop.LoopOptions;
import dev.spindle.loop.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A loop for one test, run on the test thread until nothing is alive: set the scenario up on the
 * loop, end it by closing the queue, then {@link #run()}. With a virtual clock, time jumps straight
 * to the next timer when the loop is idle (and stands still while the store works), so delays,
 * backoffs and timeouts are checked to the millisecond without waiting. An uncaught exception or an
 * unhandled rejection fails the test; a watchdog thread stops a run that goes on past a real-time limit.
 */
final class LoopRun implements AutoCloseable {

    static final Duration LIMIT = Duration.ofSeconds(20);

    final ManualClock clock = new ManualClock();
    final Loop loop;
    private final List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());

    /** A loop on a virtual clock. */
    static LoopRun virtual() {
        return new LoopRun(true, LoopOptions.builder());
    }

    /** A loop on the system clock. */
    static LoopRun real() {
        return new LoopRun(false, LoopOptions.builder());
    }

    /** A loop on the system clock with {@code options} (e.g. a small blocking pool). */
    static LoopRun real(LoopOptions.Builder options) {
        return new LoopRun(false, options);
    }

    private LoopRun(boolean virtual, LoopOptions.Builder options) {
        if (virtual) {
            options.clock(clock);
        }
        loop = Loop.create(options.build());
        loop.onUncaughtException(this::fail);
        loop.onUnhandledRejection((promise, error) -> fail(error));
    }

    /** The loop's time in milliseconds. */
    long now() {
        return loop.now();
    }

    void fail(Throwable error) {
        failures.add(error);
        loop.stop();
    }

    /** Runs the loop until nothing is alive, then fails the test if anything went wrong. */
    void run() {
        CountDownLatch done = new CountDownLatch(1);
        Thread watchdog = Thread.ofPlatform().daemon().name("loop-run-watchdog").start(() -> {
            try {
                if (!done.await(LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
                    fail(new AssertionError("the loop was still busy after " + LIMIT.toSeconds() + " s of real time"));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try {
            loop.run();
        } finally {
            done.countDown();
            watchdog.interrupt();
        }
        if (!failures.isEmpty()) {
            AssertionError error = new AssertionError("the loop reported " + failures.size() + " failure(s)", failures.getFirst());
            failures.stream().skip(1).forEach(error::addSuppressed);
            throw error;
        }
    }

    @Override
    public void close() {
        loop.close();
    }
}
