package io.trafficcop.proxy.upstream;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http2.Http2Error;
import io.netty.handler.codec.http2.Http2Exception;
import io.netty.handler.codec.http2.Http2GoAwayFrame;
import io.netty.handler.codec.http2.Http2ResetFrame;
import io.netty.util.ReferenceCountUtil;

/**
 * The last handler of a backend connection's pipeline: routes what the backend sends to the exchange currently
 * using the connection, and closes the connection when it misbehaves while idle in its pool ({@link IdleConnections}
 * closes it after idleConnTimeout).
 */
final class UpstreamConnection extends ChannelInboundHandlerAdapter {

    private final UpstreamTarget target;
    private Channel channel;
    private UpstreamExchange current;
    /** Whether the connection is idle in its pool. */
    boolean pooled;
    /** When it went idle in its pool (its event loop's ticker), for idleConnTimeout. */
    long idleSinceNanos;
    /** Whether the connection already served an exchange (a failure before any response may be retried). */
    boolean reused;
    /** Whether the HTTP/2 backend told it did not process this stream (GOAWAY above it, REFUSED_STREAM). */
    boolean unprocessed;

    UpstreamConnection(UpstreamTarget target) {
        this.target = target;
    }

    UpstreamTarget target() {
        return target;
    }

    Channel channel() {
        return channel;
    }

    void bind(UpstreamExchange exchange) {
        this.current = exchange;
    }

    void unbind() {
        this.current = null;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.channel = ctx.channel();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        UpstreamExchange exchange = current;
        if (exchange == null) {
            ReferenceCountUtil.release(msg);
            ctx.close(); // a backend talking while idle breaks the framing: drop the connection
            return;
        }
        exchange.onUpstreamMessage(msg);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        UpstreamExchange exchange = current;
        if (exchange != null) {
            exchange.onUpstreamReadComplete();
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        UpstreamExchange exchange = current;
        if (exchange != null && ctx.channel().isWritable()) {
            exchange.onUpstreamWritable();
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        UpstreamPools.remove(this);
        UpstreamExchange exchange = current;
        current = null;
        if (exchange != null) {
            exchange.onUpstreamClosed(null);
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof Http2GoAwayFrame
                || evt instanceof Http2ResetFrame reset && reset.errorCode() == Http2Error.REFUSED_STREAM.code()) {
            unprocessed = true; // the stream closes next: its request may go again elsewhere
            ReferenceCountUtil.release(evt);
            return;
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof Http2Exception h2 && h2.error() == Http2Error.REFUSED_STREAM) {
            unprocessed = true; // e.g. the stream could not be opened: nothing reached the backend
        }
        UpstreamExchange exchange = current;
        current = null;
        ctx.close();
        if (exchange != null) {
            exchange.onUpstreamClosed(cause);
        }
    }
}
