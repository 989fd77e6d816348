package io.trafficcop.proxy.service.healthcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http2.DefaultHttp2DataFrame;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.DefaultHttp2HeadersFrame;
import io.netty.handler.codec.http2.Http2DataFrame;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2HeadersFrame;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2StreamFrame;
import io.trafficcop.proxy.config.GoDuration;
import io.trafficcop.proxy.config.dynamic.HealthCheck;
import io.trafficcop.proxy.testing.LeakCheck;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The gRPC health check against a real HTTP/2 (h2c) server speaking the gRPC health-checking protocol: SERVING is
 * healthy; NOT_SERVING and UNIMPLEMENTED are not.
 */
class GrpcHealthCheckIT {

    /** What the fake gRPC server answers: 1 SERVING, 2 NOT_SERVING, -12 grpc-status UNIMPLEMENTED. */
    static volatile int answer = 1;
    static final List<String> paths = new CopyOnWriteArrayList<>();
    static EventLoopGroup loops;
    static Channel server;

    @BeforeAll
    static void start() throws Exception {
        LeakCheck.paranoid();
        loops = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        server = new ServerBootstrap().group(loops).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline().addLast(Http2FrameCodecBuilder.forServer().build());
                        ch.pipeline().addLast(new Http2MultiplexHandler(new ChannelInitializer<Channel>() {
                            @Override
                            protected void initChannel(Channel stream) {
                                stream.pipeline().addLast(new HealthService());
                            }
                        }));
                    }
                }).bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
    }

    @AfterAll
    static void stop() {
        server.close().syncUninterruptibly();
        loops.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    }

    /** A grpc.health.v1.Health/Check implementation (hand-encoded protobuf). */
    static final class HealthService extends SimpleChannelInboundHandler<Http2StreamFrame> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, Http2StreamFrame frame) {
            if (frame instanceof Http2HeadersFrame h) {
                paths.add(String.valueOf(h.headers().path()));
            }
            boolean end = frame instanceof Http2DataFrame d ? d.isEndStream()
                    : ((Http2HeadersFrame) frame).isEndStream();
            if (!end) {
                return;
            }
            int a = answer;
            if (a < 0) {
                ctx.writeAndFlush(new DefaultHttp2HeadersFrame(new DefaultHttp2Headers().status("200")
                        .add("content-type", "application/grpc").add("grpc-status", String.valueOf(-a))
                        .add("grpc-message", "unknown service"), true));
                return;
            }
            ctx.write(new DefaultHttp2HeadersFrame(new DefaultHttp2Headers().status("200")
                    .add("content-type", "application/grpc")));
            ByteBuf msg = ctx.alloc().buffer(7).writeByte(0).writeInt(2).writeByte(0x08).writeByte(a);
            ctx.write(new DefaultHttp2DataFrame(msg));
            ctx.writeAndFlush(new DefaultHttp2HeadersFrame(new DefaultHttp2Headers().add("grpc-status", "0"), true));
        }
    }

    @Test
    void followsTheServingStatusOfTheGrpcHealthProtocol() {
        String url = "http://127.0.0.1:" + ((InetSocketAddress) server.localAddress()).getPort();
        HealthCheck config = new HealthCheck(null, "grpc", null, null, null, null, GoDuration.ofMillis(50), null,
                GoDuration.ofMillis(1000), null, null, null);
        Map<String, Boolean> status = new ConcurrentHashMap<>();
        try (HealthChecker checker = new HealthChecker("grpc@test", HealthCheckSettings.of(config), List.of(url),
                loops, NioSocketChannel.class)) {
            checker.attach(status::put);
            checker.start();
            answer = 1;
            await().atMost(Duration.ofSeconds(5)).until(() -> Boolean.TRUE.equals(status.get(url)));
            assertThat(paths).contains("/grpc.health.v1.Health/Check");
            answer = 2;
            await().atMost(Duration.ofSeconds(5)).until(() -> Boolean.FALSE.equals(status.get(url)));
            answer = 1;
            await().atMost(Duration.ofSeconds(5)).until(() -> Boolean.TRUE.equals(status.get(url)));
            answer = -12;
            await().atMost(Duration.ofSeconds(5)).until(() -> Boolean.FALSE.equals(status.get(url)));
        }
    }
}
