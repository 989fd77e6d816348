package io.trafficcop.proxy.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;

/**
 * {@code respondingTimeouts.idleTimeout} for HTTP/2 connections: after the idle time without any frame the
 * connection is closed, which the frame codec turns into a GOAWAY that lets active streams finish.
 */
final class IdleHttp2ConnectionCloser extends ChannelInboundHandlerAdapter {

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent) {
            ctx.close();
            return;
        }
        ctx.fireUserEventTriggered(evt);
    }
}
