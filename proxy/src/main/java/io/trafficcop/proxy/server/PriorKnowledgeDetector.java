package io.trafficcop.proxy.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.http2.Http2CodecUtil;
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

    private static final ByteBuf PREFACE = Http2CodecUtil.connectionPrefaceBuf();

    private final ChannelHandler http1Codec;
    private final ChannelHandler upgradeHandler;
    private final ChannelHandler http2Handler;

    PriorKnowledgeDetector(ChannelHandler http1Codec, ChannelHandler upgradeHandler, ChannelHandler http2Handler) {
        this.http1Codec = http1Codec;
        this.upgradeHandler = upgradeHandler;
        this.http2Handler = http2Handler;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        ctx.pipeline().addAfter(ctx.name(), null, upgradeHandler).addAfter(ctx.name(), null, http1Codec);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        int preface = PREFACE.readableBytes();
        int seen = Math.min(in.readableBytes(), preface);
        for (int i = 0; i < seen; i++) {
            if (in.getByte(in.readerIndex() + i) != PREFACE.getByte(PREFACE.readerIndex() + i)) {
                ctx.pipeline().remove(this); // HTTP/1.1: the bytes go on to the codec
                return;
            }
        }
        if (seen == preface) {
            ctx.pipeline().remove(http1Codec).remove(upgradeHandler);
            ctx.pipeline().addAfter(ctx.name(), null, http2Handler);
            ctx.pipeline().remove(this);
            ctx.fireUserEventTriggered(UPGRADED);
        }
    }
}
