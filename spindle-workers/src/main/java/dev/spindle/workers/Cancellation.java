package dev.spindle.workers;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A cancellation token, the web's {@code AbortController} and {@code AbortSignal} in one object:
 * whoever holds it may {@link #cancel()}; whatever was started with it ({@link TaskOptions#cancellation})
 * listens and stops. One token may cancel many tasks, e.g. all the work of one HTTP request.
 *
 * <p>Cancelling is one-shot and thread-safe: the first {@link #cancel} wins, from any thread. The
 * listeners run at once on the thread that cancels, so they must be quick and thread-safe; the
 * worker pool's listener only removes a queued task or interrupts a running one, and hands the
 * rejection to the task's loop.
 */
public final class Cancellation {

    /** A token that is never cancelled: {@link #cancel} returns false and listeners never run. */
    public static final Cancellation NONE = new Cancellation(false);

    private final boolean cancellable;
    private final List<Consumer<Throwable>> listeners = new ArrayList<>(2);
    private volatile Throwable reason;

    private Cancellation(boolean cancellable) {
        this.cancellable = cancellable;
    }

    /** A new token, not cancelled. */
    public static Cancellation create() {
        return new Cancellation(true);
    }

    /** Cancels with a {@link TaskCancelledException}; false if already cancelled. Any thread. */
    public boolean cancel() {
        return cancel(new TaskCancelledException("the task was cancelled"));
    }

    /**
     * Cancels with {@code reason}, the error the cancelled tasks reject with; false if already
     * cancelled (or this is {@link #NONE}). Runs the listeners on the calling thread. Any thread.
     */
    public boolean cancel(Throwable reason) {
        Objects.requireNonNull(reason, "reason");
        List<Consumer<Throwable>> toRun;
        synchronized (this) {
            if (!cancellable || this.reason != null) {
                return false;
            }
            this.reason = reason;
            toRun = List.copyOf(listeners);
            listeners.clear();
        }
        for (Consumer<Throwable> listener : toRun) {
            listener.accept(reason);
        }
        return true;
    }

    /** Whether {@link #cancel} has been called. Any thread. */
    public boolean isCancelled() {
        return reason != null;
    }

    /** The reason given to {@link #cancel}, once cancelled. Any thread. */
    public Optional<Throwable> reason() {
        return Optional.ofNullable(reason);
    }

    /**
     * Calls {@code listener} with the reason when this is cancelled, on the cancelling thread; at
     * once, on the calling thread, if it already is. Close the returned registration when the work
     * is done, so a long-lived token does not collect listeners. Any thread.
     */
    public Registration onCancel(Consumer<Throwable> listener) {
        Objects.requireNonNull(listener, "listener");
        Throwable already;
        synchronized (this) {
            already = reason;
            if (already == null) {
                if (!cancellable) {
                    return Registration.NONE;
                }
                listeners.add(listener);
                return () -> remove(listener);
            }
        }
        listener.accept(already);
        return Registration.NONE;
    }

    private synchronized void remove(Consumer<Throwable> listener) {
        listeners.remove(listener);
    }

    @Override
    public String toString() {
        return this == NONE ? "Cancellation[NONE]" : "Cancellation[" + (isCancelled() ? "cancelled" : "active") + "]";
    }

    /** A listener registered with {@link #onCancel}; closing it removes the listener. Idempotent. */
    @FunctionalInterface
    public interface Registration extends AutoCloseable {

        /** A registration with nothing to remove. */
        Registration NONE = () -> { };

        @Override
        void close();
    }
}
