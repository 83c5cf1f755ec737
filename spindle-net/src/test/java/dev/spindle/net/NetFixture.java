package dev.spindle.net;

import dev.spindle.loop.Loop;
import dev.spindle.loop.LoopOptions;
import dev.spindle.loop.Timer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * A loop for one test, run on the test thread. Any uncaught exception or unhandled rejection stops
 * the loop and fails the test; on the system clock a guard timer (unreferenced, so it never keeps
 * the loop alive) stops a loop that is still busy after the time limit.
 */
final class NetFixture implements AutoCloseable {

    static final InetSocketAddress LOCAL = new InetSocketAddress(InetAddress.ofLiteral("127.0.0.1"), 0);
    static final long GUARD_MILLIS = 10_000;

    final Loop loop;
    private final boolean virtualClock;
    private final List<Throwable> failures = new ArrayList<>();

    NetFixture() {
        this(LoopOptions.DEFAULTS);
    }

    NetFixture(LoopOptions options) {
        this.loop = Loop.create(options);
        this.virtualClock = options.clock().isVirtual();
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
        Timer guard = virtualClock ? null : loop.setTimeout(() -> fail(
                new AssertionError("the loop was still busy after " + GUARD_MILLIS + " ms")), GUARD_MILLIS).unref();
        loop.run();
        if (guard != null) {
            guard.close();
        }
        if (!failures.isEmpty()) {
            AssertionError error = new AssertionError("the loop reported " + failures.size() + " failure(s)", failures.getFirst());
            failures.stream().skip(1).forEach(error::addSuppressed);
            failures.clear();
            throw error;
        }
    }

    static int port(TcpServer server) {
        return server.address().getPort();
    }

    @Override
    public void close() {
        loop.close();
    }
}
