package dev.spindle.loop.spi;

import dev.spindle.loop.Handle;

/**
 * The bookkeeping every handle shares: active and referenced state kept in step with the loop's
 * alive count, and close callbacks run in the close phase. Subclasses call {@link #activate()}
 * when they start producing callbacks and {@link #deactivate()} when they stop. Loop thread only.
 */
public abstract class HandleBase implements Handle {

    protected final LoopSpi loop;
    private boolean active;
    private boolean referenced = true;
    private boolean closed;

    protected HandleBase(LoopSpi loop) {
        this.loop = loop;
    }

    /** Marks the handle active; a referenced active handle keeps the loop alive. */
    protected final void activate() {
        if (!active && !closed) {
            active = true;
            if (referenced) {
                loop.ref();
            }
        }
    }

    /** Marks the handle inactive. */
    protected final void deactivate() {
        if (active) {
            active = false;
            if (referenced) {
                loop.unref();
            }
        }
    }

    @Override
    public final boolean isActive() {
        return active;
    }

    @Override
    public Handle ref() {
        if (!referenced) {
            referenced = true;
            if (active) {
                loop.ref();
            }
        }
        return this;
    }

    @Override
    public Handle unref() {
        if (referenced) {
            referenced = false;
            if (active) {
                loop.unref();
            }
        }
        return this;
    }

    @Override
    public final boolean hasRef() {
        return referenced;
    }

    @Override
    public final boolean isClosed() {
        return closed;
    }

    @Override
    public final void close() {
        if (closed) {
            return;
        }
        deactivate();
        closed = true;
        onClose();
        loop.closeLater(this::onClosed);
    }

    /** Releases resources at once, on {@link #close()}. */
    protected void onClose() {}

    /** Runs in the close phase after {@link #close()}: the place for close events. */
    protected void onClosed() {}
}
