package dev.spindle.bench.http;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import java.util.function.IntFunction;

/**
 * A running bench server. {@link #port()} is the bound port (the real one when started on port
 * 0); {@link #close()} stops it and returns once its threads are done. Any thread.
 */
public interface BenchServer extends AutoCloseable {

    /** The bound port. */
    int port();

    /** Stops the server; returns when it has stopped. */
    @Override
    void close();

    /**
     * The body of every bench server's {@code main}: starts {@code start} on the port given as the
     * first argument (0 when none), prints {@code listening on PORT pid PID} to {@code out}, and
     * waits until SIGINT or SIGTERM, when a shutdown hook closes the server.
     */
    static void serve(String name, String[] args, IntFunction<? extends BenchServer> start, PrintStream out) {
        serve(name, args.length > 0 ? Integer.parseInt(args[0]) : 0, start, out);
    }

    /** {@link #serve(String, String[], IntFunction, PrintStream)} with the port already parsed. */
    static void serve(String name, int port, IntFunction<? extends BenchServer> start, PrintStream out) {
        BenchServer server = start.apply(port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> {
            server.close();
            stopped.countDown();
        }));
        out.println(name + " listening on " + server.port() + " pid " + ProcessHandle.current().pid());
        out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
