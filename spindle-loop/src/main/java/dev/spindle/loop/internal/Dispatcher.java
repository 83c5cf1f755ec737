package dev.spindle.loop.internal;

import dev.spindle.loop.Clock;
import dev.spindle.loop.Phase;
import dev.spindle.loop.Promise;
import dev.spindle.loop.spi.LoopObserver;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Every user callback passes through {@link #dispatch} (Vert.x's {@code dispatch}): it tells the
 * observers, catches what the callback throws, and then drains the nextTick and microtask queues
 * the Node way. User code is called nowhere else. Loop thread only.
 *
 * <p>Observers get one clock reading per boundary, shared where nothing ran in between: the end of
 * a top-level dispatch is the start of the next one and of the phase boundary after it, and the
 * loop's own readings (the turn's start, the end of a selector wait) are handed on through
 * {@link #clockRead}. Nested dispatches get {@link LoopObserver#UNTIMED}.
 */
final class Dispatcher {

    private static final System.Logger LOG = System.getLogger("dev.spindle.loop");
    private static final LoopObserver[] NO_OBSERVERS = {};

    private final Clock clock;
    private final ArrayDeque<Runnable> ticks = new ArrayDeque<>();
    private final ArrayDeque<Runnable> microtasks = new ArrayDeque<>();
    private final List<DefaultPromise<?>> maybeUnhandled = new ArrayList<>();
    private LoopObserver[] observers = NO_OBSERVERS;
    private Consumer<Throwable> uncaughtHandler;
    private BiConsumer<Promise<?>, Throwable> rejectionHandler = Dispatcher::logUnhandledRejection;
    private int depth;
    /** The last clock reading; {@link #readingFresh} while no user code ran and nothing waited since. */
    private long reading;
    private boolean readingFresh;

    Dispatcher(Clock clock, List<LoopObserver> observers, Consumer<Throwable> uncaughtHandler) {
        this.clock = clock;
        this.uncaughtHandler = uncaughtHandler;
        observers.forEach(this::addObserver);
    }

    /** Runs one callback, then, at the outermost level, every tick and microtask it caused. */
    void dispatch(String label, Runnable callback) {
        LoopObserver[] watching = observers;
        if (watching.length != 0) {
            long now = depth == 0 ? now() : LoopObserver.UNTIMED;
            for (LoopObserver observer : watching) {
                observer.onDispatchStart(label, now);
            }
        }
        readingFresh = false;
        depth++;
        try {
            callback.run();
        } catch (Throwable t) {
            uncaught(t);
        } finally {
            depth--;
        }
        if (depth == 0) {
            drainTicksAndMicrotasks();
        }
        if (watching.length != 0) {
            long now = LoopObserver.UNTIMED;
            if (depth == 0) { // back in the loop's own code: this reading serves the next boundary too
                now = clock.nanoTime();
                clockRead(now);
            }
            for (int i = watching.length - 1; i >= 0; i--) {
                watching[i].onDispatchEnd(label, now);
            }
        }
    }

    /**
     * Node's rule since v11: all ticks (including ones queued while draining), then all microtasks
     * (likewise), and again until both are empty. A tick queued by a microtask therefore runs after
     * the microtasks queued beside it. Unbounded by design, as in Node: recursive ticks starve I/O.
     */
    void drainTicksAndMicrotasks() {
        readingFresh = false;
        do {
            Runnable task;
            while ((task = ticks.poll()) != null) {
                runGuarded(task);
            }
            while ((task = microtasks.poll()) != null) {
                runGuarded(task);
            }
        } while (!ticks.isEmpty());
        if (!maybeUnhandled.isEmpty()) {
            reportUnhandledRejections();
        }
    }

    private void runGuarded(Runnable task) {
        depth++;
        try {
            task.run();
        } catch (Throwable t) {
            uncaught(t);
        } finally {
            depth--;
        }
    }

    void nextTick(Runnable callback) {
        ticks.add(callback);
    }

    void queueMicrotask(Runnable callback) {
        microtasks.add(callback);
    }

    boolean hasQueuedTasks() {
        return !ticks.isEmpty() || !microtasks.isEmpty();
    }

    /** A rejected promise had no handler yet; report it unless one is attached before the drain ends. */
    void trackRejection(DefaultPromise<?> promise) {
        maybeUnhandled.add(promise);
    }

    private void reportUnhandledRejections() {
        DefaultPromise<?>[] candidates = maybeUnhandled.toArray(DefaultPromise<?>[]::new);
        maybeUnhandled.clear();
        for (DefaultPromise<?> promise : candidates) {
            if (!promise.isHandled()) {
                Throwable error = promise.error().orElseThrow();
                try {
                    rejectionHandler.accept(promise, error);
                } catch (Throwable t) {
                    uncaught(t);
                }
            }
        }
    }

    void uncaught(Throwable error) {
        readingFresh = false;
        try {
            uncaughtHandler.accept(error);
        } catch (Throwable handlerFailure) {
            handlerFailure.addSuppressed(error);
            LOG.log(System.Logger.Level.ERROR, "the uncaught-exception handler threw", handlerFailure);
        }
    }

    void onUncaughtException(Consumer<Throwable> handler) {
        this.uncaughtHandler = java.util.Objects.requireNonNull(handler);
    }

    void onUnhandledRejection(BiConsumer<Promise<?>, Throwable> handler) {
        this.rejectionHandler = java.util.Objects.requireNonNull(handler);
    }

    /** The loop read the clock at {@code nanoTime} and nothing has run since: observers may share it. */
    void clockRead(long nanoTime) {
        reading = nanoTime;
        readingFresh = true;
    }

    /** Time passed outside any dispatch (a selector call, the timer queue's work): read afresh next time. */
    void clockStale() {
        readingFresh = false;
    }

    private long now() {
        if (!readingFresh) {
            reading = clock.nanoTime();
            readingFresh = true;
        }
        return reading;
    }

    void phaseStart(Phase phase) {
        LoopObserver[] watching = observers;
        if (watching.length != 0) {
            long now = now();
            for (LoopObserver observer : watching) {
                observer.onPhaseStart(phase, now);
            }
        }
    }

    void phaseEnd(Phase phase) {
        LoopObserver[] watching = observers;
        if (watching.length != 0) {
            long now = now();
            for (LoopObserver observer : watching) {
                observer.onPhaseEnd(phase, now);
            }
        }
    }

    void addObserver(LoopObserver observer) {
        LoopObserver[] grown = Arrays.copyOf(observers, observers.length + 1);
        grown[observers.length] = java.util.Objects.requireNonNull(observer);
        observers = grown;
        readingFresh = false;
    }

    void removeObserver(LoopObserver observer) {
        observers = Arrays.stream(observers).filter(o -> o != observer).toArray(LoopObserver[]::new);
    }

    static void logUncaught(Throwable error) {
        LOG.log(System.Logger.Level.ERROR, "uncaught exception in a loop callback; the loop keeps running", error);
    }

    private static void logUnhandledRejection(Promise<?> promise, Throwable error) {
        LOG.log(System.Logger.Level.ERROR, "unhandled promise rejection", error);
    }
}
