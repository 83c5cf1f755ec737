package dev.spindle.net.internal;

import dev.spindle.loop.Loop;

/** The loop-thread check every public entry point makes. */
final class Threads {

    private Threads() {}

    static void checkLoopThread(Loop loop) {
        if (!loop.inLoop()) {
            throw new IllegalStateException("loop-thread only; called from " + Thread.currentThread().getName()
                    + " (use loop.execute() to hand work to the loop)");
        }
    }
}
