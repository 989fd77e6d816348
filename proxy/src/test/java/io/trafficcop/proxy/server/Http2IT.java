package io.trafficcop.proxy.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.handler.codec.http2.Http2StreamChannelBootstrap;
import io.netty.handler.codec.http2.Http2StreamFrameToHttpObjectCodec;
import io.netty.handler.codec.http2.HttpConversionUtil;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.trafficcop.proxy.runtime.EntryPointSettings;
import io.trafficcop.proxy.runtime.Snapshot;
import io.trafficcop.proxy.testing.LeakCheck;
import io.trafficcop.proxy.testing.Services;
import io.trafficcop.proxy.testing.TestClients;
import io.trafficcop.proxy.testing.TestRoutes;
import io.trafficcop.proxy.whoami.WhoamiServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** HTTP/2 cleartext: by prior knowledge (Netty client) and by Upgrade: h2c (JDK client), concurrent streams. */
class Http2IT {

    static WhoamiServer backend;
    static ProxyServer proxy;
    static EventLoopGroup clientGroup;

    @BeforeAll
    static void start() throws Exception {
        LeakCheck.paranoid();
        backend = new WhoamiServer("h2").start("127.0.0.1", 0);
        proxy = new ProxyServer(2);
        proxy.start(List.of(EntryPointSettings.of("web", "127.0.0.1:0")),
                new Snapshot(Map.of("web", new TestRoutes().any("h2@test",
                        Services.loadBalancer("h2", backend.url())))));
        clientGroup = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    }

    @AfterAll
    static void stop() {
        proxy.shutdown();
        backend.close();
        clientGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    /** An HTTP/2 connection to the proxy opened with the preface (h2c by prior knowledge), streams multiplexed. */
    private static Channel priorKnowledgeConnection() throws InterruptedException {
        return new Bootstrap().group(clientGroup).channel(NioSocketChannel.class)
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline().addLast(Http2FrameCodecBuilder.forClient().build(),
                                new Http2MultiplexHandler(new ChannelInboundHandlerAdapter()));
                    }
                })
                .connect("127.0.0.1", proxy.boundPort("web")).sync().channel();
    }

    @Test
    void servesConcurrentStreamsOverPriorKnowledge() throws Exception {
        Channel connection = priorKnowledgeConnection();
        try {
            List<CompletableFuture<String>> bodies = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                bodies.add(get(connection, i % 2 == 0 ? "/stream/" + i : "/data?size=100000"));
            }
            for (int i = 0; i < 20; i++) {
                String body = bodies.get(i).get(10, TimeUnit.SECONDS);
                if (i % 2 == 0) {
                    assertThat(body).contains("GET /stream/" + i + " HTTP/1.1").contains("X-Forwarded-Proto: http")
                            .doesNotContain("x-http2-");
                } else {
                    assertThat(body).hasSize(100000);
                }
            }
        } finally {
            connection.close().sync();
        }
    }

    private static CompletableFuture<String> get(Channel connection, String path) throws Exception {
        CompletableFuture<String> body = new CompletableFuture<>();
        Http2StreamChannel stream = new Http2StreamChannelBootstrap(connection)
                .handler(new ChannelInitializer<Http2StreamChannel>() {
                    @Override
                    protected void initChannel(Http2StreamChannel ch) {
                        ch.pipeline().addLast(new Http2StreamFrameToHttpObjectCodec(false),
                                new HttpObjectAggregator(1 << 20),
                                new SimpleChannelInboundHandler<FullHttpResponse>() {
                                    @Override
                                    protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse msg) {
                                        body.complete(msg.content().toString(StandardCharsets.UTF_8));
                                    }

                                    @Override
                                    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                                        body.completeExceptionally(cause);
                                    }
                                });
                    }
                }).open().sync().getNow();
        var request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, path);
        request.headers().set(HttpHeaderNames.HOST, "h2.test");
        request.headers().set(HttpConversionUtil.ExtensionHeaderNames.SCHEME.text(), "http");
        stream.writeAndFlush(request);
        return body;
    }

    @Test
    void announcesMaxConcurrentStreams() throws Exception {
        ProxyServer limited = new ProxyServer(1);
        limited.start(List.of(EntryPointSettings.of("web", "127.0.0.1:0").withHttp2MaxConcurrentStreams(7)),
                proxy.snapshot());
        CompletableFuture<Long> maxStreams = new CompletableFuture<>();
        Channel connection = new Bootstrap().group(clientGroup).channel(NioSocketChannel.class)
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline().addLast(Http2FrameCodecBuilder.forClient().build(),
                                new ChannelInboundHandlerAdapter() {
                                    @Override
                                    public void channelRead(ChannelHandlerContext ctx, Object msg) {
                                        if (msg instanceof io.netty.handler.codec.http2.Http2SettingsFrame settings) {
                                            maxStreams.complete(settings.settings().maxConcurrentStreams());
                                        }
                                        io.netty.util.ReferenceCountUtil.release(msg);
                                    }
                                });
                    }
                })
                .connect("127.0.0.1", limited.boundPort("web")).sync().channel();
        try {
            assertThat(maxStreams.get(10, TimeUnit.SECONDS)).isEqualTo(7L);
        } finally {
            connection.close().sync();
            limited.shutdown();
        }
    }

    @Test
    void upgradesFromHttp11WithH2c() throws Exception {
        try (HttpClient client = TestClients.http2()) {
            URI uri = URI.create("http://127.0.0.1:" + proxy.boundPort("web") + "/upgrade");
            var first = client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(first.version()).isEqualTo(HttpClient.Version.HTTP_2);
            assertThat(first.body()).contains("GET /upgrade HTTP/1.1");
            List<CompletableFuture<HttpResponse<String>>> more = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                more.add(client.sendAsync(HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString("x"))
                        .build(), HttpResponse.BodyHandlers.ofString()));
            }
            for (var f : more) {
                var response = f.get(10, TimeUnit.SECONDS);
                assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_2);
                assertThat(response.statusCode()).isEqualTo(200);
            }
        }
    }

    /**
     * A response that completes while the client is still sending its body ends the stream as Go's server does: with
     * RST_STREAM NO_ERROR, which clients take as a complete response (CANCEL would fail the request on their side).
     */
    @Test
    void endsAStreamWhoseBodyIsNotReadWithNoError() throws Exception {
        Channel connection = priorKnowledgeConnection();
        try {
            CompletableFuture<String> status = new CompletableFuture<>();
            CompletableFuture<io.netty.handler.codec.http2.Http2Error> reset = new CompletableFuture<>();
            Http2StreamChannel stream = new Http2StreamChannelBootstrap(connection)
                    .handler(new ChannelInboundHandlerAdapter() {
                        @Override
                        public void channelRead(ChannelHandlerContext ctx, Object msg) {
                            if (msg instanceof io.netty.handler.codec.http2.Http2HeadersFrame headers) {
                                status.complete(String.valueOf(headers.headers().status()));
                            }
                            io.netty.util.ReferenceCountUtil.release(msg);
                        }

                        @Override
                        public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
                            if (event instanceof io.netty.handler.codec.http2.Http2ResetFrame frame) {
                                reset.complete(io.netty.handler.codec.http2.Http2Error.valueOf(frame.errorCode()));
                            }
                        }
                    }).open().sync().getNow();
            var headers = new io.netty.handler.codec.http2.DefaultHttp2Headers().method("POST").path("/unread")
                    .scheme("http").authority("h2.test");
            // the body never comes: the backend answers on the request head
            stream.writeAndFlush(new io.netty.handler.codec.http2.DefaultHttp2HeadersFrame(headers, false));
            assertThat(status.get(10, TimeUnit.SECONDS)).isEqualTo("200");
            assertThat(reset.get(10, TimeUnit.SECONDS)).isEqualTo(io.netty.handler.codec.http2.Http2Error.NO_ERROR);
        } finally {
            connection.close().sync();
        }
    }
}
