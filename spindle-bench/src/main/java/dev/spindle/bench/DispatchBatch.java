package dev.spindle.bench;

import dev.spindle.loop.Loop;
import dev.spindle.loop.spi.LoopSpi;

/**
 * The loop's hot path as an HTTP server walks it, without sockets: {@code n} immediates queued
 * {@code batch} per turn, each one (like an I/O read that runs a route) dispatching a nested
 * callback under a route label through {@link LoopSpi#dispatch}. With {@code nested} false the
 * immediates run alone. One callback object of each kind, reused: nothing is allocated per
 * dispatch, so whatever {@code -prof gc} shows is the loop's and its observers'.
 */
public final class DispatchBatch implements Runnable {

    /** The label of the nested dispatch, as the HTTP server labels a route. */
    public static final String ROUTE_LABEL = "GET /";

    private final Loop loop;
    private final LoopSpi spi;
    private final int batch;
    private final boolean nested;
    private final Runnable route = this::routeRan;
    private int total;
    private int queued;
    private int ran;
    private int routes;

    public DispatchBatch(Loop loop, int batch, boolean nested) {
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be >= 1, was " + batch);
        }
        this.loop = loop;
        this.spi = LoopSpi.of(loop);
        this.batch = batch;
        this.nested = nested;
    }

    /** Loop thread: queues the first batch of {@code n} immediates. */
    public void start(int n) {
        total = n;
        queued = 0;
        ran = 0;
        routes = 0;
        queueBatch();
    }

    @Override
    public void run() {
        ran++;
        if (nested) {
            spi.dispatch(ROUTE_LABEL, route);
        }
        if (ran == queued && queued < total) { // the last of its batch
            queueBatch();
        }
    }

    private void routeRan() {
        routes++;
    }

    private void queueBatch() {
        int count = Math.min(batch, total - queued);
        for (int i = 0; i < count; i++) {
            loop.setImmediate(this);
        }
        queued += count;
    }

    /** Immediates run since the last {@link #start}. */
    public int ran() {
        return ran;
    }

    /** Nested route dispatches run since the last {@link #start}. */
    public int routes() {
        return routes;
    }
}
