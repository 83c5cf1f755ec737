package dev.spindle.bench.showdown.servers;

import dev.spindle.bench.http.NettyResponses;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The Netty model's handler: each request goes through {@link ShowdownRouter} on the channel's
 * event loop; waits are tasks scheduled on that loop, offloaded work runs on {@code offload} and
 * its answer is written back on the loop. As in Netty's examples, an answer given inside a read is
 * flushed by {@link #channelReadComplete}; a later one is flushed at once.
 */
final class NettyShowdownHandler extends SimpleChannelInboundHandler<HttpObject> {

    private final Executor offload;

    NettyShowdownHandler(Executor offload) {
        this.offload = offload;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, HttpObject msg) {
        if (!(msg instanceof HttpRequest request)) {
            return; // the empty LastHttpContent of a GET
        }
        String uri = request.uri();
        int question = uri.indexOf('?');
        String path = question < 0 ? uri : uri.substring(0, question);
        String query = question < 0 ? null : uri.substring(question + 1);
        ShowdownRouter.serve(path, query, new Exchange(ctx, HttpUtil.isKeepAlive(request)));
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        ctx.flush();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }

    private final class Exchange implements ShowdownExchange {
        private final ChannelHandlerContext ctx;
        private final boolean keepAlive;
        private boolean later; // answered outside the read that brought the request

        Exchange(ChannelHandlerContext ctx, boolean keepAlive) {
            this.ctx = ctx;
            this.keepAlive = keepAlive;
        }

        @Override
        public void send(int status, String contentType, String body) {
            NettyResponses.write(ctx, HttpResponseStatus.valueOf(status), contentType,
                    Unpooled.wrappedBuffer(body.getBytes(StandardCharsets.UTF_8)), keepAlive, later);
        }

        @Override
        public void after(long millis, Runnable then) {
            later = true;
            ctx.executor().schedule(then, millis, TimeUnit.MILLISECONDS);
        }

        @Override
        public void offload(Supplier<String> work, Consumer<String> then) {
            later = true;
            offload.execute(() -> {
                String result = work.get();
                ctx.executor().execute(() -> then.accept(result));
            });
        }
    }
}
