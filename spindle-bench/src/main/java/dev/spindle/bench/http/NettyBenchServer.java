package dev.spindle.bench.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import java.net.InetSocketAddress;

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
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try {
            Channel channel = new ServerBootstrap()
                    .group(group) // the one loop accepts and serves
                    .channel(NioServerSocketChannel.class)
                    .option(ChannelOption.SO_BACKLOG, BenchRoutes.BACKLOG)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline().addLast(new HttpServerCodec(), new NettyBenchHandler());
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
