package dev.spindle.load.internal;

import dev.spindle.http.HttpClientConnection;
import dev.spindle.http.HttpClientResponse;
import dev.spindle.loop.Timer;
import java.util.function.Consumer;

/**
 * One simulated client: a connection kept open (reopened when the server closes it or a request
 * fails) and as many requests in flight on it as the pipelining depth allows.
 *
 * <p>Closed loop: a request goes out whenever there is room, and its latency counts from then.
 * Constant rate: requests are due every {@code interval} nanoseconds; one that finds no room (its
 * connection still waits for earlier answers, or is reconnecting) goes as soon as there is, and its
 * latency counts from when it was due. A request that opens a connection waits for it, so its
 * latency includes the connect at a constant rate (it was due before), but not in closed loop.
 * What settles during the warm-up is not counted; what settles after it is, whenever it was sent, as
 * wrk counts: a server slower than the measured window still shows its throughput.
 */
final class LoadConnection {

    /** No request may go now. */
    private static final long NONE = Long.MIN_VALUE;
    /** A closed-loop request: its latency counts from when it is written. */
    private static final long AT_SEND = Long.MIN_VALUE + 1;
    private static final Consumer<Throwable> IGNORE = error -> { };

    private final LoadEngine engine;
    private final int depth;
    private final long interval;
    private final Runnable pump = this::pump;
    private final Runnable onTimer = this::onTimer;
    private long nextDue;
    private HttpClientConnection connection;
    private boolean connecting;
    /** Requests sent, or waiting for a connection to open, and not settled. */
    private int waiting;
    private Timer timer;

    LoadConnection(LoadEngine engine, int depth, long interval, long firstDue) {
        this.engine = engine;
        this.depth = depth;
        this.interval = interval;
        this.nextDue = firstDue;
    }

    /** Sends what may go now: opens a connection if needed, then fills it up to the depth. */
    void pump() {
        if (engine.stopping || connecting) {
            return;
        }
        if (connection == null || !connection.isOpen()) {
            if (waiting > 0) {
                return; // the old connection's requests settle (fail) first
            }
            retire();
            long start = next();
            if (start != NONE) {
                connect(start);
            }
            return;
        }
        while (waiting < depth) {
            long start = next();
            if (start == NONE) {
                return;
            }
            send(start);
        }
    }

    /**
     * Takes the next request: {@link #AT_SEND} in closed loop, its due time at a constant rate; or
     * {@link #NONE} when none may go now (the count is used up, it is not due yet, the run is over).
     */
    private long next() {
        if (interval == 0) {
            return engine.takeRequest() ? AT_SEND : NONE;
        }
        if (nextDue >= engine.deadline) {
            return NONE;
        }
        long now = engine.clock.nanoTime();
        if (nextDue > now) {
            arm(nextDue - now);
            return NONE;
        }
        if (!engine.takeRequest()) {
            return NONE;
        }
        long due = nextDue;
        nextDue += interval;
        return due;
    }

    /** Wakes up when the next request is due. Loop timers count whole milliseconds, so rounded up. */
    private void arm(long delayNanos) {
        if (timer == null) {
            timer = engine.loop.setTimeout(onTimer, Math.max(1, (delayNanos + 999_999) / 1_000_000));
        }
    }

    private void onTimer() {
        timer = null;
        pump();
    }

    private void connect(long start) {
        connecting = true;
        waiting++;
        engine.connector.connect().whenComplete((opened, error) -> {
            connecting = false;
            waiting--;
            if (engine.stopping) {
                if (opened != null) {
                    opened.close();
                }
            } else if (error != null) {
                if (engine.measuring) {
                    engine.failed(error);
                }
                engine.loop.setImmediate(pump); // not at once: a refusing port must not starve the loop's timers
            } else {
                connection = opened;
                send(start);
                pump();
            }
        }).onFailure(IGNORE);
    }

    private void send(long start) {
        long from = start == AT_SEND ? engine.clock.nanoTime() : start;
        waiting++;
        connection.send(engine.request).whenComplete((response, error) -> settle(from, response, error))
                .onFailure(IGNORE);
    }

    private void settle(long from, HttpClientResponse response, Throwable error) {
        waiting--;
        if (engine.stopping) {
            return;
        }
        if (engine.measuring) {
            if (error != null) {
                engine.failed(error);
            } else {
                engine.responded(response.status(), engine.clock.nanoTime() - from);
            }
        }
        pump();
    }

    /** Counts the bytes of the current connection and closes it. */
    private void retire() {
        if (connection != null) {
            engine.tally.bytesRead += connection.bytesRead();
            engine.tally.bytesWritten += connection.bytesWritten();
            connection.close();
            connection = null;
        }
    }

    void close() {
        if (timer != null) {
            timer.close();
            timer = null;
        }
        retire();
    }
}
