package io.trafficcop.proxy.server;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2HeadersFrame;

/**
 * An HTTP/2 request may carry a {@code host} header beside {@code :authority} (h2load and some clients send
 * both). As Go's server, which Traefik uses, the request is served with {@code :authority} as its host (RFC 9113
 * section 8.3.1), so the redundant {@code host} is dropped before the request is turned into HTTP/1.1 form,
 * where two hosts would make it malformed.
 */
@ChannelHandler.Sharable
final class Http2HostHeader extends ChannelInboundHandlerAdapter {

    static final Http2HostHeader INSTANCE = new Http2HostHeader();

    private Http2HostHeader() {
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof Http2HeadersFrame frame) {
            Http2Headers headers = frame.headers();
            if (headers.authority() != null && headers.contains(HttpHeaderNames.HOST)) {
                headers.remove(HttpHeaderNames.HOST);
            }
        }
        ctx.fireChannelRead(msg);
    }
}
