package dev.spindle.bench.http;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;

/**
 * How every Netty bench handler answers: a full response with {@code Content-Type},
 * {@code Content-Length} and the cached {@code Date}, flushed at once or left for the handler's
 * {@code channelReadComplete}, and the connection closed after it unless kept alive.
 */
public final class NettyResponses {

    private NettyResponses() {}

    /**
     * Writes a response to {@code ctx}; {@code flush} when it leaves outside a read batch (after a
     * timer or an offloaded task), since no {@code channelReadComplete} will flush it then.
     */
    public static void write(ChannelHandlerContext ctx, HttpResponseStatus status, CharSequence type, ByteBuf body,
            boolean keepAlive, boolean flush) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, body);
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, type)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes())
                .set(HttpHeaderNames.DATE, HttpDate.now());
        if (!keepAlive) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        } else if (flush) {
            ctx.writeAndFlush(response);
        } else {
            ctx.write(response);
        }
    }
}
