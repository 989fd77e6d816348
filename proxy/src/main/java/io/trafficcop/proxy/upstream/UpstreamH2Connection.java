package io.trafficcop.proxy.upstream;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http2.DefaultHttp2PingFrame;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2GoAwayFrame;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2PingFrame;
import io.netty.handler.codec.http2.Http2Settings;
import io.netty.handler.codec.http2.Http2SettingsFrame;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.handler.codec.http2.Http2StreamChannelBootstrap;
import io.netty.handler.codec.http2.Http2StreamFrameToHttpObjectCodec;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An HTTP/2 connection to a backend ({@code h2c://}, or {@code https://} when ALPN chose h2) shared by the exchanges
 * of one event loop: each exchange is a stream, a child channel that speaks HttpObjects, so
 * {@link UpstreamExchange} forwards over it exactly as over HTTP/1.1 and flow-control windows give back-pressure.
 * Implements {@code forwardingTimeouts.readIdleTimeout} (a PING after that long without a frame) and
 * {@code pingTimeout} (the connection is closed when the PING is not acknowledged in time), and closes the
 * connection after {@code idleConnTimeout} without streams.
 */
final class UpstreamH2Connection extends ChannelInboundHandlerAdapter {

    /** Streams a connection carries before the backend's SETTINGS tell its limit (Go's initial guess is 100). */
    private static final int INITIAL_MAX_STREAMS = 100;
    private static final AtomicLong PING_NONCE = new AtomicLong();

    private final UpstreamTarget target;
    private Channel channel;
    private int maxStreams = INITIAL_MAX_STREAMS;
    private int streams;
    private boolean goingAway;
    private boolean pooled;
    private ScheduledFuture<?> idleClose;
    private ScheduledFuture<?> pingDeadline;

    private UpstreamH2Connection(UpstreamTarget target) {
        this.target = target;
    }

    /** Installs the HTTP/2 client pipeline on a connected (and, for TLS, handshaken) channel. */
    static void configure(Channel ch, UpstreamTarget target) {
        ChannelPipeline p = ch.pipeline();
        long readIdle = target.transport().readIdleTimeout().toMillis();
        if (readIdle > 0) {
            p.addLast("readIdle", new IdleStateHandler(readIdle, 0, 0, TimeUnit.MILLISECONDS));
        }
        p.addLast("h2", Http2FrameCodecBuilder.forClient()
                .initialSettings(Http2Settings.defaultSettings().pushEnabled(false))
                .validateHeaders(false)
                .build());
        p.addLast("h2mux", new Http2MultiplexHandler(new ChannelInboundHandlerAdapter() {
            @Override
            public void channelActive(ChannelHandlerContext ctx) {
                ctx.close(); // push is disabled: a backend-initiated stream is refused
            }
        }));
        UpstreamH2Connection connection = new UpstreamH2Connection(target);
        p.addLast("upstream-h2", connection);
        connection.channel = ch;
        connection.scheduleIdleClose(); // in case the exchange that dialled it went away meanwhile
        // streams read on demand (flow control does the back-pressure); the connection itself always reads
        ch.config().setAutoRead(true);
    }

    UpstreamTarget target() {
        return target;
    }

    Channel channel() {
        return channel;
    }

    boolean pooled() {
        return pooled;
    }

    void pooled(boolean value) {
        pooled = value;
    }

    /** Whether another stream fits on this connection. */
    boolean hasCapacity() {
        return channel.isActive() && !goingAway && streams < maxStreams;
    }

    /** Opens a stream carrying one exchange; the stream ends when its child channel closes. */
    Future<Http2StreamChannel> openStream() {
        streams++;
        cancelIdleClose();
        Future<Http2StreamChannel> opened = new Http2StreamChannelBootstrap(channel)
                .option(ChannelOption.AUTO_READ, false)
                .handler(new ChannelInitializer<Http2StreamChannel>() {
                    @Override
                    protected void initChannel(Http2StreamChannel ch) {
                        ch.pipeline().addLast("http", new Http2StreamFrameToHttpObjectCodec(false, false));
                        ch.pipeline().addLast("upstream", new UpstreamConnection(target));
                    }
                })
                .open();
        opened.addListener(f -> {
            if (f.isSuccess()) {
                ((Http2StreamChannel) f.getNow()).closeFuture().addListener(c -> streamClosed());
            } else {
                streamClosed();
            }
        });
        return opened;
    }

    private void streamClosed() {
        streams--;
        if (streams == 0 && channel.isActive()) {
            if (goingAway) {
                channel.close();
            } else {
                scheduleIdleClose();
            }
        }
    }

    /** idleConnTimeout: a connection without streams for that long is closed. */
    private void scheduleIdleClose() {
        long idle = target.transport().idleConnTimeout().toMillis();
        if (idle > 0) {
            cancelIdleClose();
            idleClose = channel.eventLoop().schedule(() -> {
                if (streams == 0) {
                    channel.close();
                }
            }, idle, TimeUnit.MILLISECONDS);
        }
    }

    private void cancelIdleClose() {
        if (idleClose != null) {
            idleClose.cancel(false);
            idleClose = null;
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (msg instanceof Http2SettingsFrame settings) {
                Long max = settings.settings().maxConcurrentStreams();
                if (max != null) {
                    maxStreams = (int) Math.min(max, Integer.MAX_VALUE);
                }
            } else if (msg instanceof Http2GoAwayFrame) {
                goingAway = true; // streams in flight finish, no new ones
                UpstreamPools.removeH2(this);
                if (streams == 0) {
                    ctx.close();
                }
            } else if (msg instanceof Http2PingFrame ping && ping.ack() && pingDeadline != null) {
                pingDeadline.cancel(false);
                pingDeadline = null;
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent && pingDeadline == null) {
            // readIdleTimeout: no frame for that long, check the backend is still there
            ctx.writeAndFlush(new DefaultHttp2PingFrame(PING_NONCE.incrementAndGet()));
            pingDeadline = ctx.executor().schedule(() -> {
                pingDeadline = null;
                ctx.close(); // pingTimeout: the streams on it fail, the next exchanges dial a new connection
            }, target.transport().pingTimeout().toMillis(), TimeUnit.MILLISECONDS);
            return;
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        UpstreamPools.removeH2(this);
        cancelIdleClose();
        if (pingDeadline != null) {
            pingDeadline.cancel(false);
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
