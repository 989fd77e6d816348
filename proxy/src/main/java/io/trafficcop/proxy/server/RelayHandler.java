package io.trafficcop.proxy.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;

/**
 * Relays raw bytes from its channel to a peer channel after a protocol switch (WebSocket): reads its side only
 * while the peer is writable (Netty's HexDumpProxy pattern) and closes the peer, after flushing, when its side
 * closes. Both channels share one event loop.
 */
final class RelayHandler extends ChannelInboundHandlerAdapter {

    private final Channel peer;
    private ChannelHandlerContext ctx;
    private boolean waitingForPeer;

    RelayHandler(Channel peer) {
        this.peer = peer;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext context) {
        this.ctx = context;
        if (context.channel().isActive()) {
            context.read();
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object msg) {
        if (msg instanceof ByteBuf buf) {
            if (buf.isReadable() && peer.isActive()) {
                peer.write(buf, peer.voidPromise());
            } else {
                buf.release();
            }
        } else {
            ReferenceCountUtil.release(msg); // the HTTP codec's trailing empty last content
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext context) {
        peer.flush();
        if (peer.isWritable()) {
            context.read();
        } else {
            waitingForPeer = true;
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext context) {
        if (context.channel().isWritable()) {
            // our channel drained: the peer's relay, which writes into it, may read again
            RelayHandler other = peer.pipeline().get(RelayHandler.class);
            if (other != null) {
                other.resume();
            }
        }
        context.fireChannelWritabilityChanged();
    }

    private void resume() {
        if (waitingForPeer && ctx != null) {
            waitingForPeer = false;
            ctx.read();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) {
        if (peer.isActive()) {
            peer.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        context.close();
    }
}
