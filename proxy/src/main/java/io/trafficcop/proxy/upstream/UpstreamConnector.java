package io.trafficcop.proxy.upstream;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.timeout.IdleStateHandler;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * Opens HTTP/1.1 connections to backends on the caller's event loop with the servers transport's dialTimeout,
 * auto-read off (the exchange reads when the client can take more) and TCP_NODELAY.
 */
final class UpstreamConnector {

    private static final int MAX_CHUNK = 64 * 1024;
    /** As the client side's: enough in flight for throughput, little enough to keep memory per exchange bounded. */
    private static final WriteBufferWaterMark WATER_MARK = new WriteBufferWaterMark(64 * 1024, 256 * 1024);

    private UpstreamConnector() {
    }

    static ChannelFuture connect(EventLoop loop, Channel inbound, UpstreamTarget target) {
        Channel root = inbound.parent() != null && !(inbound instanceof SocketChannel) ? inbound.parent() : inbound;
        Class<? extends Channel> type = root instanceof EpollSocketChannel ? EpollSocketChannel.class
                : NioSocketChannel.class;
        long dialMillis = target.transport().dialTimeout().toMillis();
        long idleMillis = target.transport().idleConnTimeout().toMillis();
        Bootstrap bootstrap = new Bootstrap()
                .group(loop)
                .channel(type)
                .option(ChannelOption.AUTO_READ, false)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK, WATER_MARK)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, dialMillis <= 0 ? 0 : (int) Math.min(dialMillis, Integer.MAX_VALUE))
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        var p = ch.pipeline();
                        if (idleMillis > 0) {
                            p.addLast(new IdleStateHandler(idleMillis, 0, 0, TimeUnit.MILLISECONDS)); // reads only: cheap
                        }
                        p.addLast("http", new HttpClientCodec(new HttpDecoderConfig()
                                .setMaxChunkSize(MAX_CHUNK)
                                .setMaxHeaderSize(64 * 1024)
                                .setValidateHeaders(false), false, false));
                        p.addLast("upstream", new UpstreamConnection(target));
                    }
                });
        return bootstrap.connect(new InetSocketAddress(target.host(), target.port()));
    }
}
