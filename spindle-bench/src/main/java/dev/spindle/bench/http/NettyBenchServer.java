package dev.spindle.bench.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import java.net.InetSocketAddress;
import java.util.function.Supplier;

/**
 * Netty 4.2's bench server: one NIO event loop that accepts and serves, {@link HttpServerCodec}
 * and the hello-world handler of Netty's examples ({@link NettyBenchHandler}).
 * {@code java -cp benchmarks.jar dev.spindle.bench.http.NettyBenchServer PORT}.
 */
public final class NettyBenchServer implements BenchServer {

    private final EventLoopGroup group;
    private final Channel channel;

    private NettyBenchServer(EventLoopGroup group, Channel channel) {
        this.group = group;
        this.channel = channel;
    }

    public static void main(String[] args) {
        BenchServer.serve("netty", args, NettyBenchServer::start, System.out);
    }

    /** Starts one event loop serving the bench routes on {@code port}. */
    public static NettyBenchServer start(int port) {
        return start(port, BenchRoutes.BACKLOG, NettyBenchHandler::new);
    }

    /**
     * Starts one event loop on {@code port} (accept queue {@code backlog}) whose connections each
     * get {@link HttpServerCodec} and a new handler from {@code handler}.
     */
    public static NettyBenchServer start(int port, int backlog, Supplier<? extends ChannelHandler> handler) {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try {
            Channel channel = new ServerBootstrap()
                    .group(group) // the one loop accepts and serves
                    .channel(NioServerSocketChannel.class)
                    .option(ChannelOption.SO_BACKLOG, backlog)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline().addLast(new HttpServerCodec(), handler.get());
                        }
                    })
                    .bind(BenchRoutes.HOST, port).sync().channel();
            return new NettyBenchServer(group, channel);
        } catch (InterruptedException e) {
            group.shutdownGracefully();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while binding", e);
        }
    }

    @Override
    public int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    }
}
