package dev.spindle.bench;

import dev.spindle.loop.Handle;
import dev.spindle.loop.Loop;
import io.netty.channel.DefaultEventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A single-threaded executor that other threads hand tasks to: a Spindle loop and its peers.
 * Each is started by {@link #start(String)} and stopped, after every queued task has run, by
 * {@link #close()}.
 */
public interface ExecutorPeer extends AutoCloseable {

    /** The names {@link #start(String)} accepts, as the benchmark's {@code @Param} lists them. */
    String SPINDLE = "spindle";
    String NETTY_DEFAULT = "netty-default";
    String NETTY_NIO = "netty-nio";
    String JDK_SINGLE = "jdk-single";

    /** Hands {@code task} to the executor's thread. Any thread. */
    void execute(Runnable task);

    @Override
    void close();

    /** Starts the named executor. */
    static ExecutorPeer start(String name) {
        return switch (name) {
            case SPINDLE -> spindle();
            case NETTY_DEFAULT -> netty(new DefaultEventLoop());
            case NETTY_NIO -> netty(new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory()));
            case JDK_SINGLE -> jdk(Executors.newSingleThreadExecutor());
            default -> throw new IllegalArgumentException("unknown executor: " + name);
        };
    }

    /** A Spindle loop on its own thread ({@link Loop#start()}), kept alive by {@link Loop#keepAlive()}. */
    private static ExecutorPeer spindle() {
        Loop loop = Loop.create();
        Handle keepAlive = loop.keepAlive(); // before start(): until then this thread owns the loop
        Thread thread = loop.start();
        return new ExecutorPeer() {
            @Override
            public void execute(Runnable task) {
                loop.execute(task);
            }

            @Override
            public void close() {
                loop.execute(keepAlive::close); // run() returns once the queue is empty
                join(thread);
                loop.close();
            }
        };
    }

    /** Netty's {@link DefaultEventLoop} (a plain task queue) or an NIO event loop (selector plus MPSC queue). */
    private static ExecutorPeer netty(EventLoopGroup group) {
        io.netty.channel.EventLoop loop = group.next();
        return new ExecutorPeer() {
            @Override
            public void execute(Runnable task) {
                loop.execute(task);
            }

            @Override
            public void close() {
                group.shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
            }
        };
    }

    /** {@link Executors#newSingleThreadExecutor()}. */
    private static ExecutorPeer jdk(ExecutorService executor) {
        return new ExecutorPeer() {
            @Override
            public void execute(Runnable task) {
                executor.execute(task);
            }

            @Override
            public void close() {
                executor.shutdown();
                try {
                    executor.awaitTermination(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
    }

    private static void join(Thread thread) {
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
