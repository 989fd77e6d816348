package io.trafficcop.proxy.upstream;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2PingFrame;
import io.netty.handler.codec.http2.Http2StreamFrameToHttpObjectCodec;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.ApplicationProtocolNegotiationHandler;
import io.netty.handler.ssl.SniHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Netty backend for the transport tests: TLS or not, HTTP/1.1, HTTP/2 after ALPN or HTTP/2 with prior knowledge
 * (h2c). It answers "proto=h1|h2 client=CN|-" and counts connections, requests and PINGs; the first HTTP/2
 * {@code /refuse} stream is reset with REFUSED_STREAM; {@code /hold} requests are
 * answered together once {@link #holdUntil} of them arrived (proving they were in flight at the same time);
 * {@code /hang} requests are never answered.
 */
final class TestBackend implements AutoCloseable {

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final SslContext ssl;
    private final boolean h2c;
    private final boolean ackPings;
    private Channel server;

    final AtomicInteger connections = new AtomicInteger();
    final AtomicInteger requests = new AtomicInteger();
    final AtomicInteger pings = new AtomicInteger();
    final AtomicInteger refused = new AtomicInteger();
    final AtomicInteger closed = new AtomicInteger();
    volatile String lastSni;
    volatile int holdUntil = Integer.MAX_VALUE;
    private final List<Runnable> held = new ArrayList<>();

    private TestBackend(SslContext ssl, boolean h2c, boolean ackPings) {
        this.ssl = ssl;
        this.h2c = h2c;
        this.ackPings = ackPings;
    }

    /** A TLS backend (HTTP/2 when {@code ssl} offers ALPN h2 and the proxy asks for it). */
    static TestBackend tls(SslContext ssl) {
        return new TestBackend(ssl, false, true).start();
    }

    /** An HTTP/2 cleartext backend, answering PINGs or not. */
    static TestBackend h2c(boolean ackPings) {
        return new TestBackend(null, true, ackPings).start();
    }

    int port() {
        return ((java.net.InetSocketAddress) server.localAddress()).getPort();
    }

    private TestBackend start() {
        server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        connections.incrementAndGet();
                        ch.closeFuture().addListener(f -> closed.incrementAndGet());
                        if (h2c) {
                            http2(ch.pipeline());
                            return;
                        }
                        ch.pipeline().addLast(new SniHandler(host -> {
                            lastSni = host;
                            return ssl;
                        }));
                        ch.pipeline().addLast(new ApplicationProtocolNegotiationHandler(ApplicationProtocolNames.HTTP_1_1) {
                            @Override
                            protected void configurePipeline(ChannelHandlerContext ctx, String protocol) {
                                if (ApplicationProtocolNames.HTTP_2.equals(protocol)) {
                                    http2(ctx.pipeline());
                                } else {
                                    ctx.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(1 << 20),
                                            new Responder("h1"));
                                }
                            }

                            @Override
                            protected void handshakeFailure(ChannelHandlerContext ctx, Throwable cause) {
                                ctx.close();
                            }
                        });
                    }
                }).bind("127.0.0.1", 0).syncUninterruptibly().channel();
        return this;
    }

    private void http2(ChannelPipeline p) {
        p.addLast(Http2FrameCodecBuilder.forServer().autoAckPingFrame(ackPings).build());
        p.addLast(new Http2MultiplexHandler(new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel ch) {
                ch.pipeline().addLast(new Http2StreamFrameToHttpObjectCodec(true), new HttpObjectAggregator(1 << 20),
                        new Responder("h2"));
            }
        }));
        p.addLast(new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                if (msg instanceof Http2PingFrame ping && !ping.ack()) {
                    pings.incrementAndGet();
                }
                ReferenceCountUtil.release(msg);
            }
        });
    }

    private final class Responder extends SimpleChannelInboundHandler<FullHttpRequest> {
        private final String protocol;

        Responder(String protocol) {
            this.protocol = protocol;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) throws Exception {
            requests.incrementAndGet();
            Channel connection = ctx.channel() instanceof io.netty.handler.codec.http2.Http2StreamChannel
                    ? ctx.channel().parent() : ctx.channel();
            SslHandler tls = connection.pipeline().get(SslHandler.class);
            String client = "-";
            if (tls != null) {
                try {
                    var peer = (X509Certificate) tls.engine().getSession().getPeerCertificates()[0];
                    client = peer.getSubjectX500Principal().getName();
                } catch (javax.net.ssl.SSLPeerUnverifiedException e) {
                    // no client certificate
                }
            }
            String body = "proto=" + protocol + " client=" + client + " body=" + request.content().toString(StandardCharsets.UTF_8);
            if (request.uri().startsWith("/big/")) {
                body = "y".repeat(Integer.parseInt(request.uri().substring("/big/".length())));
            }
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                    Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain")
                    .setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
            if (request.uri().startsWith("/refuse") && protocol.equals("h2") && refused.getAndIncrement() == 0) {
                response.release();
                ctx.writeAndFlush(new io.netty.handler.codec.http2.DefaultHttp2ResetFrame(
                        io.netty.handler.codec.http2.Http2Error.REFUSED_STREAM));
                return;
            }
            if (request.uri().startsWith("/hang")) {
                response.release();
                return;
            }
            if (request.uri().startsWith("/hold")) {
                synchronized (held) {
                    held.add(() -> ctx.writeAndFlush(response));
                    if (held.size() >= holdUntil) {
                        held.forEach(Runnable::run);
                        held.clear();
                    }
                }
                return;
            }
            ctx.writeAndFlush(response);
        }
    }

    @Override
    public void close() {
        server.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS);
    }
}
