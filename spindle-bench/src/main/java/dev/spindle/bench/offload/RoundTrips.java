package dev.spindle.bench.offload;

import dev.spindle.loop.Loop;
import dev.spindle.loop.Promise;
import java.util.concurrent.Callable;

/**
 * Empty tasks sent off the loop and back: {@code total} tasks, {@code inFlight} of them
 * outstanding at any time; each task's promise, settled on the loop, sends the next. With one in
 * flight this is a chain of round trips (latency); with many, the pool's throughput. The same
 * shapes as {@code node/worker-roundtrip.js}. Loop thread only; it counts, it times nothing.
 */
public final class RoundTrips {

    /** Sends one task off the loop; its promise settles back on the loop (e.g. {@code Workers::run}). */
    @FunctionalInterface
    public interface Offload {
        Promise<Object> send(Callable<Object> task);
    }

    private static final Callable<Object> EMPTY = () -> null;

    private final Offload offload;
    private int toSend;
    private int completed;
    private Throwable failure;

    public RoundTrips(Offload offload) {
        this.offload = offload;
    }

    /** Loop thread: sends the first {@code inFlight} of {@code total} tasks. */
    public void start(int total, int inFlight) {
        toSend = total;
        completed = 0;
        failure = null;
        for (int i = 0; i < Math.min(total, inFlight); i++) {
            sendOne();
        }
    }

    private void sendOne() {
        toSend--;
        offload.send(EMPTY).whenComplete((value, error) -> {
            if (error != null && failure == null) {
                failure = error;
            }
            completed++;
            if (toSend > 0) {
                sendOne();
            }
        });
    }

    /**
     * Tasks completed since the last {@link #start}; throws if one failed (a full pool, say), since a
     * round trip that failed measured nothing.
     */
    public int completed() {
        if (failure != null) {
            throw new IllegalStateException("a task failed: " + failure, failure);
        }
        return completed;
    }

    /** Runs {@code total} tasks, {@code inFlight} at a time, inside {@link Loop#run()} on the calling thread. */
    public int runInside(Loop loop, int total, int inFlight) {
        loop.execute(() -> start(total, inFlight));
        loop.run();
        return completed();
    }
}
