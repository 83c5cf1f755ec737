package dev.spindle.monitor;

import java.time.Duration;

/** Test support: holds the calling thread (the loop, in a handler) busy, as CPU-bound code would. */
final class Spin {

    private Spin() {}

    static void blockTheLoopFor(Duration duration) {
        long end = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }
}
