package io.trafficcop.proxy.upstream;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFactory;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.FastThreadLocal;

/**
 * The {@link Bootstrap} backend connections of one event loop are made with, prepared once per loop: a dial then
 * only creates and registers a channel ({@link Bootstrap#register()}) instead of building a bootstrap, its option
 * map and an initializer per connection. With 1,000 clients and 200 idle connections kept, most requests dial.
 * Options common to every backend connection live here; what depends on the target (connect timeout, TLS) is set
 * on the channel by {@link UpstreamConnector}.
 */
final class PreparedBootstrap {

    /** As the client side's: enough in flight for throughput, little enough to keep memory per exchange bounded. */
    private static final WriteBufferWaterMark WATER_MARK = new WriteBufferWaterMark(64 * 1024, 256 * 1024);
    private static final ChannelFactory<EpollSocketChannel> EPOLL = EpollSocketChannel::new;
    private static final ChannelFactory<NioSocketChannel> NIO = NioSocketChannel::new;

    private static final FastThreadLocal<PreparedBootstrap> PER_LOOP = new FastThreadLocal<>();

    private final EventLoop loop;
    private final boolean epoll;
    private final Bootstrap bootstrap;

    private PreparedBootstrap(EventLoop loop, boolean epoll) {
        this.loop = loop;
        this.epoll = epoll;
        this.bootstrap = new Bootstrap()
                .group(loop)
                .channelFactory(epoll ? EPOLL : NIO)
                .option(ChannelOption.AUTO_READ, false)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK, WATER_MARK)
                .handler(NoHandler.INSTANCE);
    }

    /**
     * The bootstrap for connections of {@code loop} (the caller's) of the transport {@code inbound} uses: native
     * epoll channels beside epoll clients, NIO otherwise.
     */
    static Bootstrap of(EventLoop loop, Channel inbound) {
        Channel root = inbound.parent() != null && !(inbound instanceof SocketChannel) ? inbound.parent() : inbound;
        boolean epoll = root instanceof EpollSocketChannel;
        PreparedBootstrap prepared = loop.inEventLoop() ? PER_LOOP.get() : null;
        if (prepared == null || prepared.loop != loop || prepared.epoll != epoll) {
            prepared = new PreparedBootstrap(loop, epoll);
            if (loop.inEventLoop()) {
                PER_LOOP.set(prepared);
            }
        }
        return prepared.bootstrap;
    }

    /** A bootstrap needs a handler: this one removes itself, the connector installs the real ones. */
    @ChannelHandler.Sharable
    private static final class NoHandler extends ChannelInboundHandlerAdapter {
        static final NoHandler INSTANCE = new NoHandler();

        @Override
        public void handlerAdded(ChannelHandlerContext ctx) {
            ctx.pipeline().remove(this);
        }
    }
}
