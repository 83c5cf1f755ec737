package dev.spindle.bench.showdown.servers;

import dev.spindle.bench.http.BenchServer;
import java.util.concurrent.Executors;

/**
 * The showdown's {@code virtual} model: thread-per-request on the JDK's HTTP server, one new
 * virtual thread per request ({@link Executors#newVirtualThreadPerTaskExecutor()}), so a sleeping
 * request holds no platform thread. {@code java -cp benchmarks.jar dev.spindle.bench.showdown.servers.VirtualThreadServer PORT [--backlog N]}.
 */
public final class VirtualThreadServer {

    private VirtualThreadServer() {}

    public static void main(String[] args) {
        ShowdownArgs parsed = ShowdownArgs.parse(args);
        BenchServer.serve("virtual", parsed.port(), port -> start(port, parsed.backlog()), System.out);
    }

    /** Starts the model on {@code port} with {@code backlog}. */
    public static BenchServer start(int port, int backlog) {
        return JdkShowdownExchange.start(port, backlog, Executors.newVirtualThreadPerTaskExecutor());
    }
}
