package io.trafficcop.proxy.service.mirroring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.util.SelfSignedCertificate;
import io.trafficcop.proxy.runtime.ServersTransportSettings;
import io.trafficcop.proxy.runtime.UpstreamTlsSettings;
import io.trafficcop.proxy.service.BalancedServer;
import io.trafficcop.proxy.service.ProxiedServer;
import io.trafficcop.proxy.service.metrics.ServerStats;
import io.trafficcop.proxy.testing.LeakCheck;
import io.trafficcop.proxy.upstream.UpstreamTarget;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A mirrored copy is dialled as proxied requests are: over TLS with the servers transport's settings for an
 * {@code https://} server, and by host name as well as by IP address.
 */
class MirrorSenderIT {

    static EventLoopGroup loops;
    static Channel server;
    static final Queue<String> received = new ConcurrentLinkedQueue<>();

    @BeforeAll
    static void start() throws Exception {
        LeakCheck.paranoid();
        loops = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        SelfSignedCertificate certificate = new SelfSignedCertificate("localhost");
        SslContext tls = SslContextBuilder.forServer(certificate.certificate(), certificate.privateKey()).build();
        server = new ServerBootstrap().group(loops).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(tls.newHandler(ch.alloc()), new HttpServerCodec(),
                                new HttpObjectAggregator(1 << 16), new SimpleChannelInboundHandler<FullHttpRequest>() {
                                    @Override
                                    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
                                        received.add(request.uri());
                                        var response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                                                HttpResponseStatus.NO_CONTENT, Unpooled.EMPTY_BUFFER);
                                        ctx.writeAndFlush(response);
                                    }
                                });
                    }
                })
                .bind("127.0.0.1", 0).sync().channel();
    }

    @AfterAll
    static void stop() {
        server.close().syncUninterruptibly();
        loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "localhost"})
    void sendsTheCopyOverTlsWithTheServersTransport(String host) {
        int port = ((InetSocketAddress) server.localAddress()).getPort();
        String url = "https://" + host + ":" + port;
        var transport = new ServersTransportSettings("insecure@test", 0, Duration.ofSeconds(5), Duration.ZERO,
                Duration.ofSeconds(90), new UpstreamTlsSettings(null, true, null, null, null, null, null, null), false,
                null, null);
        var stats = new ServerStats(url);
        var balanced = new BalancedServer(new ProxiedServer(url, UpstreamTarget.of(url, transport), 1, false), stats,
                false, true);
        var request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/mirrored-" + host);
        request.headers().set(HttpHeaderNames.HOST, "mirror.test");
        AtomicBoolean done = new AtomicBoolean();
        var loop = loops.next();
        Channel inbound = new NioSocketChannel(); // only its transport type matters: the copy is dialled with NIO
        try {
            loop.execute(() -> MirrorSender.send(loop, inbound, balanced, request, 5_000, () -> done.set(true)));
            await().atMost(Duration.ofSeconds(10)).untilTrue(done);
        } finally {
            inbound.unsafe().closeForcibly();
        }
        assertThat(received).contains("/mirrored-" + host);
        assertThat(stats.requests()).isEqualTo(1);
        assertThat(stats.serverErrors()).isZero();
    }
}
