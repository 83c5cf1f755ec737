package dev.spindle.loop.internal;

import dev.spindle.loop.spi.HandleBase;
import dev.spindle.loop.spi.LoopSpi;

/** Keeps the loop alive until closed, like an active libuv async handle. */
final class KeepAliveHandle extends HandleBase {

    KeepAliveHandle(LoopSpi loop) {
        super(loop);
        activate();
    }

    @Override
    public String toString() {
        return "KeepAlive[" + (isActive() ? "active" : "closed") + "]";
    }
}
