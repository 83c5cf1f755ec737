package dev.spindle.loop;

import dev.spindle.loop.internal.EventLoop;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * A single-threaded event loop with libuv's phases and Node's ordering rules: the one place where
 * Spindle runs user callbacks.
 *
 * <p>A turn runs the phases in this order (see {@link Phase}):
 * <pre>
 *   timers -> pending -> idle -> prepare -> poll -> check -> close -> (next turn)
 * </pre>
 * After every callback the loop drains the {@link #nextTick} queue, then the microtask queue, and
 * repeats until both are empty, as Node has done since v11.
 *
 * <p><b>Threading.</b> Only {@link #execute}, {@link #submit}, {@link #stop}, {@link #inLoop} and
 * {@link Promise#resolve}/{@link Promise#reject} may be called from any thread. Every other
 * method belongs to the loop thread: the thread inside {@link #run()}, or, before the loop first
 * runs, the thread that created it (so a program can set up timers and servers, then call
 * {@code run()}, as a Node script does). A call from another thread throws
 * {@link IllegalStateException}.
 */
public interface Loop extends AutoCloseable {

    /** Creates a loop with the {@linkplain LoopOptions#DEFAULTS default options}. */
    static Loop create() {
        return create(LoopOptions.DEFAULTS);
    }

    /** Creates a loop with the given options; it does nothing until {@link #run()} is called. */
    static Loop create(LoopOptions options) {
        return new EventLoop(options);
    }

    /**
     * The loop whose thread is calling.
     *
     * @throws IllegalStateException when called outside a loop thread
     */
    static Loop current() {
        return EventLoop.current();
    }

    /**
     * Runs the loop on the calling thread until nothing referenced is alive (no ref'd active
     * handle or request, no queued immediate, task or close callback) or {@link #stop()} is called.
     * May be called again after it returns.
     *
     * @throws LoopException when {@link LoopOptions#stopOnUncaughtException()} is set and a
     *     callback threw; the callback's exception is the cause
     */
    void run();

    /**
     * Starts {@link #run()} on a new platform thread named {@link LoopOptions#threadName()} and
     * returns at once. Pair it with {@link #keepAlive()} for a loop that waits for work from
     * {@link #execute}.
     */
    Thread start();

    /** Asks the loop to return from {@link #run()} at the end of the current turn. Any thread. */
    void stop();

    /** Whether the calling thread is this loop's thread. Any thread. */
    boolean inLoop();

    /**
     * Queues a task from any thread; it runs on the loop in the pending phase, in the order each
     * producer thread submitted it. A lock-free queue plus one coalesced selector wake-up.
     * A queued task keeps the loop alive until it has run.
     */
    void execute(Runnable task);

    /**
     * Runs {@code task} on the loop as {@link #execute} does and gives its result as a future, for
     * a thread outside the loop that needs something the loop owns (Netty's
     * {@code EventLoop.submit}). The future completes on the loop thread, exceptionally when the
     * task throws. Any thread; waiting on the future from the loop thread itself would never end,
     * since the task runs after the current callback: on the loop, use a {@link Promise}.
     */
    default <T> CompletableFuture<T> submit(Callable<T> task) {
        CompletableFuture<T> result = new CompletableFuture<>();
        execute(() -> {
            try {
                result.complete(task.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        return result;
    }

    /** The loop's time in milliseconds, read once per turn (libuv's {@code uv_now}). */
    long now();

    /** The loop's time in nanoseconds, read once per turn. */
    long nowNanos();

    /**
     * Calls {@code callback} once, {@code delayMillis} from {@link #now()}. Like Node, a delay below
     * 1 or above {@value Timer#MAX_DELAY_MILLIS} becomes 1 ms.
     */
    Timer setTimeout(Runnable callback, long delayMillis);

    /** {@link #setTimeout(Runnable, long)} with a {@link Duration}. */
    default Timer setTimeout(Runnable callback, Duration delay) {
        return setTimeout(callback, delay.toMillis());
    }

    /**
     * A promise fulfilled after {@code delayMillis}, without blocking anything (Node's
     * {@code timers/promises} {@code setTimeout}).
     */
    default Promise<Void> delay(long delayMillis) {
        Promise<Void> promise = promise();
        setTimeout(() -> promise.resolve(null), delayMillis);
        return promise;
    }

    /** Calls {@code callback} every {@code periodMillis}; a slow callback never causes catch-up runs. */
    Timer setInterval(Runnable callback, long periodMillis);

    /** Stops a timeout; a no-op on a fired or closed timer, as Node's {@code clearTimeout}. */
    default void clearTimeout(Timer timer) {
        if (timer != null) {
            timer.close();
        }
    }

    /** Stops an interval; the same as {@link #clearTimeout}. */
    default void clearInterval(Timer timer) {
        clearTimeout(timer);
    }

    /**
     * Queues {@code callback} for the check phase of this turn, or of the next turn if the check
     * phase is already running. Returns an id for {@link #clearImmediate}; allocates nothing beyond
     * the callback in steady state.
     */
    long setImmediate(Runnable callback);

    /** Cancels a queued immediate; returns false if it already ran or was cleared. */
    boolean clearImmediate(long immediateId);

    /**
     * Queues {@code callback} to run right after the current callback, before any promise
     * continuation. Recursive ticks starve I/O, exactly as in Node: prefer {@link #setImmediate}.
     */
    void nextTick(Runnable callback);

    /** Queues {@code callback} on the microtask queue, where promise continuations run. */
    void queueMicrotask(Runnable callback);

    /** A new pending promise bound to this loop; settle it with {@link Promise#resolve}. */
    <T> Promise<T> promise();

    /** A promise on this loop that settles when {@code stage} completes, on whatever thread. */
    <T> Promise<T> adopt(CompletionStage<T> stage);

    /**
     * Runs blocking {@code work} on the loop's blocking pool (libuv's thread pool) and settles the
     * returned promise on the loop, in the pending phase. A full pool queue rejects the promise
     * with {@link RejectedTaskException}.
     */
    <T> Promise<T> offload(Callable<T> work);

    /** A snapshot of the blocking pool's queue depth, activity and queue-wait time. Any thread. */
    PoolStats blockingPoolStats();

    /**
     * A handle that keeps the loop alive until it is closed, for loops fed only by
     * {@link #execute} (libuv's async handle).
     */
    Handle keepAlive();

    /**
     * Replaces the handler of exceptions no owner handled; the default logs with the stack and keeps
     * running (or stops the loop, see {@link LoopOptions#stopOnUncaughtException()}).
     */
    void onUncaughtException(Consumer<Throwable> handler);

    /** Replaces the handler of promises rejected with no rejection handler; default: logged. */
    void onUnhandledRejection(BiConsumer<Promise<?>, Throwable> handler);

    /** Stops the loop's blocking pool and closes its selector. The loop must not be running. */
    @Override
    void close();
}
