package dev.spindle.workers;

import dev.spindle.loop.Clock;
import java.time.Duration;

/**
 * A clock that stands still until a test moves it. Unlike the loop's virtual clock, the loop never
 * jumps it forward by itself, so a timer fires only after the step the test takes at a point it
 * chooses (e.g. once a worker has started), which makes deadlines deterministic.
 */
final class SteppedClock implements Clock {

    private volatile long nanos;

    @Override
    public long nanoTime() {
        return nanos;
    }

    synchronized void advance(Duration step) {
        nanos += step.toNanos();
    }
}
