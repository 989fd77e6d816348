package io.trafficcop.proxy.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.Future;
import io.trafficcop.proxy.codec.Http1ClientCodec;
import io.trafficcop.proxy.runtime.ServersTransportSettings;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Dialling backends through the event loop's prepared bootstrap: IP literals and host names (resolved off the loop)
 * both end with the HTTP/1.1 pipeline in place and the servers transport's settings applied; failures fail the
 * promise and leave no channel open.
 */
class UpstreamConnectorIT {

    static EventLoopGroup group;
    static EventLoop loop;
    static ServerSocket backend;

    @BeforeAll
    static void start() throws Exception {
        group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        loop = group.next();
        backend = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            while (!backend.isClosed()) {
                try {
                    backend.accept(); // kept open: the test closes its side
                } catch (java.io.IOException e) {
                    return;
                }
            }
        });
    }

    @AfterAll
    static void stop() throws Exception {
        backend.close();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private static Future<Channel> dial(UpstreamTarget target) throws Exception {
        EmbeddedChannel client = new EmbeddedChannel(); // an NIO-like client: the dial uses NIO channels
        return loop.submit(() -> UpstreamConnector.connect(loop, client, target, false)).get(5, TimeUnit.SECONDS)
                .await();
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "localhost"})
    void dialsAnIpLiteralOrAHostNameWithTheHttp1PipelineInPlace(String host) throws Exception {
        var transport = new ServersTransportSettings("t", 0, Duration.ofSeconds(3), null, Duration.ofSeconds(7));
        Future<Channel> dialed = dial(UpstreamTarget.of("http://" + host + ":" + backend.getLocalPort(), transport));

        assertThat(dialed.isSuccess()).as("dial %s: %s", host, dialed.cause()).isTrue();
        Channel ch = dialed.getNow();
        try {
            assertThat(((InetSocketAddress) ch.remoteAddress()).getPort()).isEqualTo(backend.getLocalPort());
            assertThat(ch.pipeline().get(UpstreamConnection.class)).isNotNull();
            assertThat(ch.config().getConnectTimeoutMillis()).isEqualTo(3000);
            assertThat(ch.config().isAutoRead()).isFalse();
            // idleConnTimeout is the pool's (IdleConnections): no idle handler per connection
            assertThat(ch.pipeline().toMap().keySet()).containsExactly(Http1ClientCodec.DECODER, Http1ClientCodec.ENCODER, "upstream");
        } finally {
            ch.close().syncUninterruptibly();
        }
    }

    @Test
    void failsForAHostNameThatDoesNotResolve() throws Exception {
        Future<Channel> dialed = dial(UpstreamTarget.of("http://no-such-host.invalid:80", null));

        assertThat(dialed.cause()).isInstanceOf(UnknownHostException.class);
    }

    @Test
    void failsWithBadGatewayWhenTheBackendRefuses() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        Future<Channel> dialed = dial(UpstreamTarget.of("http://127.0.0.1:" + closedPort, null));

        assertThat(dialed.cause()).isInstanceOf(java.net.ConnectException.class);
        assertThat(UpstreamFailure.statusOf(dialed.cause()).code()).isEqualTo(502);
    }
}
