package dev.spindle.bench.showdown.servers;

import dev.spindle.bench.http.BenchServer;
import dev.spindle.bench.http.JdkBenchServer;
import java.util.concurrent.Executors;

/**
 * The showdown's {@code threads} model: thread-per-request on the JDK's HTTP server with a fixed
 * pool of 200 platform threads (Tomcat's default {@code maxThreads}); a request past the 200th
 * waits in the pool's queue. {@code java -cp benchmarks.jar dev.spindle.bench.showdown.servers.ThreadPoolServer PORT [--backlog N]}.
 */
public final class ThreadPoolServer {

    /** The request threads. */
    public static final int THREADS = JdkBenchServer.THREADS;

    private ThreadPoolServer() {}

    public static void main(String[] args) {
        ShowdownArgs parsed = ShowdownArgs.parse(args);
        BenchServer.serve("threads", parsed.port(), port -> start(port, parsed.backlog()), System.out);
    }

    /** Starts the model on {@code port} with {@code backlog}. */
    public static BenchServer start(int port, int backlog) {
        return JdkShowdownExchange.start(port, backlog,
                Executors.newFixedThreadPool(THREADS, Thread.ofPlatform().name("threads-", 0).factory()));
    }
}
