package dev.spindle.loop.internal;

import static dev.spindle.loop.Phase.CHECK;
import static dev.spindle.loop.Phase.CLOSE;
import static dev.spindle.loop.Phase.IDLE;
import static dev.spindle.loop.Phase.PENDING;
import static dev.spindle.loop.Phase.POLL;
import static dev.spindle.loop.Phase.PREPARE;
import static dev.spindle.loop.Phase.TIMERS;

import dev.spindle.loop.Clock;
import dev.spindle.loop.Handle;
import dev.spindle.loop.Loop;
import dev.spindle.loop.LoopException;
import dev.spindle.loop.LoopOptions;
import dev.spindle.loop.PoolStats;
import dev.spindle.loop.Promise;
import dev.spindle.loop.RejectedTaskException;
import dev.spindle.loop.Timer;
import dev.spindle.loop.spi.IoHandler;
import dev.spindle.loop.spi.IoRegistration;
import dev.spindle.loop.spi.LoopObserver;
import dev.spindle.loop.spi.LoopSpi;
import dev.spindle.loop.spi.PoolObserver;
import java.nio.channels.SelectableChannel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The event loop. {@link #run()} is the heart of Spindle: one turn per iteration, one named method
 * per phase, in libuv's order. Everything else here is bookkeeping for those phases.
 */
public final class EventLoop implements Loop, LoopSpi {

    /** Tasks from other threads run per pending phase, so a flood of them cannot starve I/O. */
    static final int MAX_INBOX_TASKS_PER_TURN = 16_384;

    private final LoopOptions options;
    private final Clock clock;
    private final long originNanos;
    private final Dispatcher dispatcher;
    private final TimerQueue timers = new TimerQueue();
    private ArrayList<TimerHandle> dueTimers = new ArrayList<>();
    private final ImmediateQueue immediates = new ImmediateQueue();
    private final ArrayDeque<Runnable> deferred = new ArrayDeque<>();
    private final ArrayDeque<Runnable> closing = new ArrayDeque<>();
    private final SelectorPoller poller = new SelectorPoller();
    private final TaskInbox inbox = new TaskInbox(poller::wakeUp);
    private final BlockingPool blockingPool;

    private final LoopThread thread = new LoopThread();
    private volatile boolean stopRequested;
    private Throwable fatal;
    private int refs;
    private int offloadsInFlight; // blocking-pool requests whose completion has not run yet
    private long nowNanos;
    private long nowMillis;

    public EventLoop(LoopOptions options) {
        this.options = options;
        this.clock = options.clock();
        this.originNanos = clock.nanoTime();
        this.dispatcher = new Dispatcher(clock, options.observers(), this::onUncaught);
        this.blockingPool = new BlockingPool("blocking", options.effectiveThreadPoolSize(), options.threadPoolQueueCapacity());
        updateTime();
    }

    // ---------------------------------------------------------------- the turn

    @Override
    public void run() {
        enterLoopThread();
        try {
            dispatcher.drainTicksAndMicrotasks(); // what the code before run() queued, as after a Node script
            while (isAlive() && !stopRequested) {
                updateTime();
                runDueTimers();
                runPending();
                runIdleAndPrepare();
                poll(pollTimeoutMillis());
                runCheck();
                runClosing();
            }
            poller.flushCancelledKeys();
        } finally {
            leaveLoopThread();
        }
    }

    private boolean isAlive() {
        return refs > 0 || !immediates.isEmpty() || !deferred.isEmpty() || !closing.isEmpty() || !inbox.isEmpty();
    }

    /** 0 when anything is ready to run; until the nearest timer; or -1, until I/O or a wake-up. */
    private long pollTimeoutMillis() {
        if (stopRequested || !isAlive() || !immediates.isEmpty() || !deferred.isEmpty()
                || !closing.isEmpty() || !inbox.isEmpty()) {
            return 0;
        }
        if (timers.isEmpty()) {
            return -1;
        }
        long elapsedMillis = (clock.nanoTime() - originNanos) / 1_000_000;
        return Math.max(0, timers.nextDeadline() - elapsedMillis);
    }

    private void updateTime() {
        nowNanos = clock.nanoTime();
        nowMillis = (nowNanos - originNanos) / 1_000_000;
        dispatcher.clockRead(nowNanos);
    }

    private void runDueTimers() {
        dispatcher.phaseStart(TIMERS);
        timers.moveDueTo(nowMillis, dueTimers);
        if (!dueTimers.isEmpty()) {
            dispatcher.clockStale(); // the timer queue's work is the phase's, not the first callback's
        }
        for (int i = 0; i < dueTimers.size(); i++) {
            TimerHandle timer = dueTimers.get(i);
            if (timer.fire(nowMillis)) { // false when an earlier callback cleared or refreshed it
                dispatcher.dispatch("timer", timer.callback);
            }
        }
        if (dueTimers.size() > 1024) {
            dueTimers = new ArrayList<>(); // after a storm of due timers, give the big array back
        } else {
            dueTimers.clear();
        }
        dispatcher.phaseEnd(TIMERS);
    }

    private void runPending() {
        dispatcher.phaseStart(PENDING);
        for (int n = deferred.size(); n > 0; n--) {
            dispatcher.dispatch("pending", deferred.poll());
        }
        Runnable task;
        for (int n = 0; n < MAX_INBOX_TASKS_PER_TURN && (task = inbox.poll()) != null; n++) {
            dispatcher.dispatch("pending", task);
        }
        dispatcher.phaseEnd(PENDING);
    }

    /** No built-in idle or prepare work yet; the phases exist so observers and the order stay libuv's. */
    private void runIdleAndPrepare() {
        dispatcher.phaseStart(IDLE);
        dispatcher.phaseEnd(IDLE);
        dispatcher.phaseStart(PREPARE);
        dispatcher.phaseEnd(PREPARE);
    }

    private void poll(long timeoutMillis) {
        dispatcher.phaseStart(POLL);
        int ready = clock.isVirtual() && timeoutMillis > 0 ? pollVirtual(timeoutMillis) : poller.sleep(timeoutMillis, inbox);
        if (timeoutMillis != 0) {
            updateTime(); // after a wait, I/O callbacks see the time they run at, as libuv's uv__io_poll does
        } else {
            dispatcher.clockStale();
        }
        for (int i = 0; i < ready; i++) {
            SelectorPoller.Registration registration = poller.ready(i);
            dispatcher.dispatch(registration.label(), registration);
        }
        dispatcher.phaseEnd(POLL);
    }

    /**
     * Under a virtual clock the loop never sleeps for a timer: if no I/O is ready, time jumps to it.
     * Blocking-pool work takes no virtual time, though: while an offloaded call is in flight the
     * loop is not idle, so it waits for that call (or I/O) instead of jumping, and a retry or
     * deadline computed after a database call lands at the same virtual time on every run.
     */
    private int pollVirtual(long timeoutMillis) {
        if (offloadsInFlight > 0) {
            return poller.sleep(-1, inbox);
        }
        int ready = poller.select(0);
        if (ready == 0 && inbox.isEmpty()) {
            clock.advanceTo(originNanos + timers.nextDeadline() * 1_000_000);
        }
        return ready;
    }

    private void runCheck() {
        dispatcher.phaseStart(CHECK);
        long end = immediates.end(); // immediates queued from here on wait for the next turn
        Runnable callback;
        while ((callback = immediates.pollBefore(end)) != null) {
            dispatcher.dispatch("immediate", callback);
        }
        dispatcher.phaseEnd(CHECK);
    }

    private void runClosing() {
        dispatcher.phaseStart(CLOSE);
        for (int n = closing.size(); n > 0; n--) {
            dispatcher.dispatch("close", closing.poll());
        }
        dispatcher.phaseEnd(CLOSE);
    }

    // ---------------------------------------------------------------- thread ownership and lifecycle

    /** The loop whose thread is calling; see {@link Loop#current()}. */
    public static EventLoop current() {
        return LoopThread.current();
    }

    private void enterLoopThread() {
        thread.enter(this);
        fatal = null;
    }

    private void leaveLoopThread() {
        thread.leave();
        stopRequested = false;
        if (fatal != null) {
            throw new LoopException("the loop stopped on an uncaught exception", fatal);
        }
    }

    @Override
    public Thread start() {
        return thread.start(options.threadName(), this::run);
    }

    @Override
    public void stop() {
        stopRequested = true;
        poller.wakeUp();
    }

    @Override
    public boolean inLoop() {
        return thread.isCurrent();
    }

    void checkLoopThread() {
        thread.check();
    }

    @Override
    public void close() {
        if (thread.isRunning()) {
            throw new IllegalStateException("close() while the loop is running; stop() it first");
        }
        blockingPool.shutdown();
        poller.close();
    }

    private void onUncaught(Throwable error) {
        if (options.stopOnUncaughtException()) {
            if (fatal == null) {
                fatal = error;
            }
            stop();
        } else {
            Dispatcher.logUncaught(error);
        }
    }

    // ---------------------------------------------------------------- the public API

    @Override
    public void execute(Runnable task) {
        inbox.offer(Objects.requireNonNull(task, "task"));
    }

    @Override
    public long now() {
        return nowMillis;
    }

    @Override
    public long nowNanos() {
        return nowNanos;
    }

    @Override
    public Timer setTimeout(Runnable callback, long delayMillis) {
        return newTimer(callback, delayMillis, false);
    }

    @Override
    public Timer setInterval(Runnable callback, long periodMillis) {
        return newTimer(callback, periodMillis, true);
    }

    private Timer newTimer(Runnable callback, long delayMillis, boolean repeat) {
        checkLoopThread();
        TimerHandle timer = new TimerHandle(this, timers, Objects.requireNonNull(callback), delayMillis, repeat);
        timer.schedule(nowMillis);
        return timer;
    }

    @Override
    public long setImmediate(Runnable callback) {
        checkLoopThread();
        return immediates.add(Objects.requireNonNull(callback));
    }

    @Override
    public boolean clearImmediate(long immediateId) {
        checkLoopThread();
        return immediates.clear(immediateId);
    }

    @Override
    public void nextTick(Runnable callback) {
        checkLoopThread();
        dispatcher.nextTick(Objects.requireNonNull(callback));
    }

    @Override
    public void queueMicrotask(Runnable callback) {
        checkLoopThread();
        dispatcher.queueMicrotask(Objects.requireNonNull(callback));
    }

    @Override
    public <T> Promise<T> promise() {
        return new DefaultPromise<>(this);
    }

    @Override
    public <T> Promise<T> adopt(CompletionStage<T> stage) {
        checkLoopThread();
        DefaultPromise<T> promise = new DefaultPromise<>(this);
        ref(); // a request: the loop waits for the stage
        stage.whenComplete((value, error) -> execute(() -> {
            unref();
            promise.settle(value, unwrap(error));
        }));
        return promise;
    }

    @Override
    public <T> Promise<T> offload(Callable<T> work) {
        checkLoopThread();
        DefaultPromise<T> promise = new DefaultPromise<>(this);
        ref();
        offloadsInFlight++;
        boolean accepted = blockingPool.submit(work, (value, error) -> execute(() -> {
            unref();
            offloadsInFlight--;
            promise.settle(value, error);
        }));
        if (!accepted) {
            unref();
            offloadsInFlight--;
            promise.reject(new RejectedTaskException(blockingPool.describeFull()));
        }
        return promise;
    }

    @Override
    public PoolStats blockingPoolStats() {
        return blockingPool.stats();
    }

    @Override
    public Handle keepAlive() {
        checkLoopThread();
        return new KeepAliveHandle(this);
    }

    @Override
    public void onUncaughtException(Consumer<Throwable> handler) {
        dispatcher.onUncaughtException(handler);
    }

    @Override
    public void onUnhandledRejection(BiConsumer<Promise<?>, Throwable> handler) {
        dispatcher.onUnhandledRejection(handler);
    }

    // ---------------------------------------------------------------- the SPI

    @Override
    public Loop loop() {
        return this;
    }

    @Override
    public void dispatch(String label, Runnable callback) {
        dispatcher.dispatch(label, callback);
    }

    @Override
    public void reportUncaught(Throwable error) {
        dispatcher.uncaught(error);
    }

    @Override
    public IoRegistration register(SelectableChannel channel, int ops, IoHandler handler) {
        checkLoopThread();
        return poller.register(channel, ops, handler);
    }

    @Override
    public void ref() {
        refs++;
    }

    @Override
    public void unref() {
        refs--;
    }

    @Override
    public void defer(Runnable callback) {
        deferred.add(callback);
    }

    @Override
    public void closeLater(Runnable callback) {
        closing.add(callback);
    }

    @Override
    public void addObserver(LoopObserver observer) {
        dispatcher.addObserver(observer);
    }

    @Override
    public void removeObserver(LoopObserver observer) {
        dispatcher.removeObserver(observer);
    }

    @Override
    public void addPoolObserver(PoolObserver observer) {
        blockingPool.addObserver(observer);
    }

    @Override
    public void removePoolObserver(PoolObserver observer) {
        blockingPool.removeObserver(observer);
    }

    Dispatcher dispatcher() {
        return dispatcher;
    }

    private static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }

    @Override
    public String toString() {
        return "Loop[" + thread.name() + ", refs=" + refs + ", timers=" + timers.size() + "]";
    }
}
