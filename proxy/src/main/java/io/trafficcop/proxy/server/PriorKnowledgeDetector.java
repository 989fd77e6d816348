package io.trafficcop.proxy.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * HTTP/2 with prior knowledge on a cleartext connection (h2c without upgrade): a client that opens with the HTTP/2
 * connection preface gets the HTTP/2 handler in place of the HTTP/1.1 codec and upgrade handler, and the handlers after
 * them hear {@link #UPGRADED}; any other opening keeps HTTP/1.1. Either way this handler goes once the first bytes
 * decided, handing them on. (Netty's {@code CleartextHttp2ServerUpgradeHandler} does the same but only takes Netty's
 * own {@code HttpServerCodec}.)
 */
final class PriorKnowledgeDetector extends ByteToMessageDecoder {

    /** The user event fired when the connection switched to HTTP/2 by prior knowledge. */
    static final Object UPGRADED = new Object() {
        @Override
        public String toString() {
            return "PriorKnowledgeUpgraded";
        }
    };

    /** RFC 9113 3.4: what a client speaking HTTP/2 sends first. */
    private static final byte[] PREFACE = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private final List<ChannelHandler> http1Handlers;
    private final ChannelHandler http2Handler;

    /**
     * @param http1Handlers the HTTP/1.1 codec and upgrade handler, added after this one in this order
     * @param http2Handler  what replaces them after the preface
     */
    PriorKnowledgeDetector(List<ChannelHandler> http1Handlers, ChannelHandler http2Handler) {
        this.http1Handlers = List.copyOf(http1Handlers);
        this.http2Handler = http2Handler;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        for (int i = http1Handlers.size() - 1; i >= 0; i--) {
            ctx.pipeline().addAfter(ctx.name(), null, http1Handlers.get(i));
        }
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        int seen = Math.min(in.readableBytes(), PREFACE.length);
        for (int i = 0; i < seen; i++) {
            if (in.getByte(in.readerIndex() + i) != PREFACE[i]) {
                ctx.pipeline().remove(this); // HTTP/1.1: the bytes go on to the codec
                return;
            }
        }
        if (seen == PREFACE.length) {
            for (ChannelHandler http1 : http1Handlers) {
                ctx.pipeline().remove(http1);
            }
            ctx.pipeline().addAfter(ctx.name(), null, http2Handler);
            ctx.pipeline().remove(this);
            ctx.fireUserEventTriggered(UPGRADED);
        }
    }
}
