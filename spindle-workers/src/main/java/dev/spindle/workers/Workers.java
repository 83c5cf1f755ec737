package dev.spindle.workers;

import dev.spindle.loop.Loop;
import dev.spindle.loop.Promise;
import dev.spindle.workers.internal.LoopWorkers;
import java.util.concurrent.Callable;

/**
 * Runs CPU-bound work on a pool of worker threads and settles each task's promise on a loop, so a
 * heavy computation never holds the loop thread: Node's {@code worker_threads} with Piscina's pool.
 *
 * <p><b>The pool.</b> Platform threads, as many as the cores by default, separate from the loop's
 * blocking pool, so CPU work cannot starve file or DNS calls (and the other way round). Threads
 * start on demand and those above {@link WorkerPoolOptions#minThreads()} end after
 * {@link WorkerPoolOptions#idleTimeout()}. When every thread is busy a task waits in a bounded
 * queue; when the queue is full too, the task's promise rejects at once with
 * {@link WorkerPoolFullException}. Nothing is queued without bound and nothing is dropped silently.
 *
 * <p><b>Deadlines and cancellation.</b> {@link #run(Callable, TaskOptions)} takes a deadline and a
 * {@link Cancellation} token. Cancelling (or missing the deadline) removes a queued task before it
 * runs, or interrupts a running one; the promise rejects at once with
 * {@link TaskCancelledException} or {@link TaskTimeoutException}. Java cannot stop a thread, so
 * long CPU loops should check {@link Thread#interrupted()} now and then; blocking calls notice the
 * interrupt by themselves.
 *
 * <p><b>What may cross.</b> A task runs on another thread, at the same time as the loop:
 * <ul>
 *   <li>Pass immutable values in (records, strings, numbers, {@code List.of}, copies of arrays)
 *       and return an immutable value, or one nothing else references. The promise carries it
 *       back to the loop, with a happens-before edge both ways.</li>
 *   <li>Never touch a loop-owned object from a task: sockets, servers, timers, HTTP requests and
 *       responses, a promise's continuations. Read what you need from the request on the loop,
 *       before {@code run}; write the response on the loop, in the promise's continuation. The
 *       loop's own thread checks throw {@link IllegalStateException}; a task that hits one rejects
 *       with {@link LoopAffinityException}, which says so. With {@link WorkerPoolOptions#debug()},
 *       a task that captured a socket, timer, request or response is rejected at submission.</li>
 *   <li>Only {@link Loop#execute}, {@link Promise#resolve} and {@link Promise#reject} may be
 *       called from a task, e.g. to report progress.</li>
 * </ul>
 *
 * <p><b>Threads.</b> A {@code Workers} is bound to one loop: {@link #run} is called on that loop's
 * thread, and every promise settles there, in the pending phase. An in-flight task keeps the loop
 * alive. {@link #on(Loop)} binds the same pool to another loop, for one loop per core sharing one
 * pool. {@link #stats()} and {@link #close()} may be called from any thread.
 */
public interface Workers extends AutoCloseable {

    /** A new pool with {@code options}, bound to {@code loop}; {@link #close()} stops it. */
    static Workers create(Loop loop, WorkerPoolOptions options) {
        return LoopWorkers.create(loop, options);
    }

    /** A new pool with the {@linkplain WorkerPoolOptions#DEFAULTS default options}, bound to {@code loop}. */
    static Workers create(Loop loop) {
        return create(loop, WorkerPoolOptions.DEFAULTS);
    }

    /**
     * The process-wide shared pool (default options, named {@code shared}) bound to {@code loop}:
     * the pool to use unless an application needs its own. Every loop shares its threads, so one
     * loop per core still means one CPU thread per core. It lives as long as the JVM (its threads
     * are daemon threads and end when idle past the minimum); {@link #close()} on it does nothing.
     */
    static Workers shared(Loop loop) {
        return LoopWorkers.shared(loop);
    }

    /**
     * Runs {@code task} on a worker thread; the promise settles on this pool's loop with its value
     * or exception. Rejects at once with {@link WorkerPoolFullException} when the queue is full,
     * and with {@link WorkerPoolClosedException} after {@link #close()}. Loop thread only.
     */
    <T> Promise<T> run(Callable<T> task);

    /**
     * {@link #run(Callable)} with a deadline and a cancellation token; see {@link TaskOptions}.
     * A token that is already cancelled rejects the promise at once, with its reason, and nothing
     * is queued. Loop thread only.
     */
    <T> Promise<T> run(Callable<T> task, TaskOptions options);

    /** The same pool bound to {@code loop}: its promises settle there. Closing either closes the pool. */
    Workers on(Loop loop);

    /** The loop this binding settles promises on. */
    Loop loop();

    /** The pool's options. */
    WorkerPoolOptions options();

    /** A snapshot of the pool's threads, queue and counters. Any thread. */
    WorkerPoolStats stats();

    /**
     * Stops the pool: new tasks reject with {@link WorkerPoolClosedException}, queued ones are
     * removed and reject with it, running ones are interrupted and reject with it; the threads end.
     * Idempotent; a no-op on the {@linkplain #shared shared} pool. Any thread.
     */
    @Override
    void close();
}
