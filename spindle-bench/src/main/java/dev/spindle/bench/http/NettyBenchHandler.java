package dev.spindle.bench.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.util.AsciiString;
import java.util.concurrent.TimeUnit;

/**
 * The hello-world handler of Netty's examples (and of its TechEmpower entry): answer each
 * {@link HttpRequest} with a full response written without a flush, and flush once per read
 * batch in {@link #channelReadComplete}, so a pipelined batch leaves in one write. The {@code Date}
 * header is cached per second, as Spindle's and Node's are. {@code /wait} is a task scheduled on
 * the channel's event loop. Responses are not reordered: a {@code /wait} pipelined before another
 * request would be overtaken, which the bench never does.
 */
final class NettyBenchHandler extends SimpleChannelInboundHandler<HttpObject> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AsciiString TEXT_PLAIN = AsciiString.cached("text/plain; charset=utf-8");
    private static final AsciiString APPLICATION_JSON = AsciiString.cached("application/json; charset=utf-8");

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, HttpObject msg) throws Exception {
        if (!(msg instanceof HttpRequest request)) {
            return; // the empty LastHttpContent of a GET
        }
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        String uri = request.uri();
        switch (uri) {
            case BenchRoutes.PLAINTEXT -> NettyResponses.write(ctx, HttpResponseStatus.OK, TEXT_PLAIN,
                    Unpooled.wrappedBuffer(BenchRoutes.HELLO_BYTES), keepAlive, false);
            case BenchRoutes.JSON -> NettyResponses.write(ctx, HttpResponseStatus.OK, APPLICATION_JSON,
                    Unpooled.wrappedBuffer(JSON.writeValueAsBytes(BenchRoutes.Message.HELLO)), keepAlive, false);
            case BenchRoutes.WAIT -> ctx.executor().schedule(() -> NettyResponses.write(ctx, HttpResponseStatus.OK, TEXT_PLAIN,
                    Unpooled.wrappedBuffer(BenchRoutes.HELLO_BYTES), keepAlive, true),
                    BenchRoutes.WAIT_MILLIS, TimeUnit.MILLISECONDS);
            default -> NettyResponses.write(ctx, HttpResponseStatus.NOT_FOUND, TEXT_PLAIN, Unpooled.EMPTY_BUFFER, keepAlive, false);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        ctx.flush();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
