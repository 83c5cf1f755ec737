package dev.spindle.bench.showdown.servers;

import dev.spindle.bench.http.BenchServer;
import dev.spindle.bench.http.NettyBenchServer;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The showdown's {@code netty} model: Netty 4.2 with one NIO event loop that accepts and serves
 * ({@link NettyBenchServer}), {@code eventLoop.schedule} for the timeline's waits, and a small
 * fixed executor ({@link ShowdownRoutes#offloadThreads()} threads) for {@code /compute/worker}.
 * {@code java -cp benchmarks.jar dev.spindle.bench.showdown.servers.NettyShowdownServer PORT [--backlog N]}.
 */
public final class NettyShowdownServer implements BenchServer {

    private final NettyBenchServer server;
    private final ExecutorService offload;

    private NettyShowdownServer(NettyBenchServer server, ExecutorService offload) {
        this.server = server;
        this.offload = offload;
    }

    public static void main(String[] args) {
        ShowdownArgs parsed = ShowdownArgs.parse(args);
        BenchServer.serve("netty", parsed.port(), port -> start(port, parsed.backlog()), System.out);
    }

    /** Starts the model on {@code port} with {@code backlog}. */
    public static NettyShowdownServer start(int port, int backlog) {
        ExecutorService offload = Executors.newFixedThreadPool(ShowdownRoutes.offloadThreads(),
                Thread.ofPlatform().name("netty-offload-", 0).daemon().factory());
        try {
            return new NettyShowdownServer(
                    NettyBenchServer.start(port, backlog, () -> new NettyShowdownHandler(offload)), offload);
        } catch (RuntimeException e) {
            offload.shutdownNow();
            throw e;
        }
    }

    @Override
    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.close();
        offload.shutdownNow();
    }
}
