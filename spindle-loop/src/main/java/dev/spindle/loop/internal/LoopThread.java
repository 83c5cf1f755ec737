package dev.spindle.loop.internal;

/**
 * Which thread owns a loop: the creating thread until {@code run()} starts, then the thread inside
 * {@code run()} (or the one {@code start()} made). Loop-owned objects check it on every call; other
 * threads must use {@code execute}.
 */
final class LoopThread {

    private static final ThreadLocal<EventLoop> CURRENT = new ThreadLocal<>();

    private volatile Thread owner = Thread.currentThread();
    private boolean running;

    static EventLoop current() {
        EventLoop loop = CURRENT.get();
        if (loop == null) {
            throw new IllegalStateException("not on a loop thread: " + Thread.currentThread().getName());
        }
        return loop;
    }

    void enter(EventLoop loop) {
        if (running) {
            throw new IllegalStateException("the loop is already running");
        }
        owner = Thread.currentThread();
        running = true;
        CURRENT.set(loop);
    }

    void leave() {
        CURRENT.remove();
        running = false;
    }

    boolean isRunning() {
        return running;
    }

    Thread start(String name, Runnable run) {
        Thread thread = Thread.ofPlatform().name(name).unstarted(run);
        owner = thread;
        thread.start();
        return thread;
    }

    boolean isCurrent() {
        return Thread.currentThread() == owner;
    }

    void check() {
        if (Thread.currentThread() != owner) {
            throw new IllegalStateException("loop-thread only; called from " + Thread.currentThread().getName()
                    + " (use execute() to hand work to the loop)");
        }
    }

    String name() {
        return owner.getName();
    }
}
