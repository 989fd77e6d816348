package io.trafficcop.proxy.service.healthcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.trafficcop.proxy.config.GoDuration;
import io.trafficcop.proxy.config.dynamic.HealthCheck;
import io.trafficcop.proxy.service.TestBackend;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The HTTP health check request (method, hostname, headers, port, redirects) against a real backend. */
class HttpHealthCheckIT {

    static EventLoopGroup loops;
    static TestBackend backend;

    @BeforeAll
    static void start() throws Exception {
        loops = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        backend = new TestBackend("hc");
    }

    @AfterAll
    static void stop() {
        backend.close();
        loops.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    }

    static Map<String, Boolean> run(HealthCheck config, String url, java.util.function.BooleanSupplier until) {
        Map<String, Boolean> status = new ConcurrentHashMap<>();
        try (HealthChecker checker = new HealthChecker("hc@test", HealthCheckSettings.of(config), List.of(url),
                loops, NioSocketChannel.class)) {
            checker.attach(status::put);
            checker.start();
            await().atMost(Duration.ofSeconds(5)).until(() -> status.containsKey(url) && until.getAsBoolean());
        }
        return status;
    }

    static HealthCheck config(String path, String method, String hostname, Integer port, Boolean follow) {
        return new HealthCheck(null, null, path, method, null, port, GoDuration.ofMillis(30), null,
                GoDuration.ofMillis(1000), hostname, follow, Map.of("X-Check", "yes"));
    }

    @Test
    void sendsTheConfiguredRequest() {
        var status = run(config("/health", "HEAD", "health.example", null, null), backend.url(),
                () -> backend.lastHealthRequest() != null && backend.lastHealthRequest().startsWith("HEAD"));
        assertThat(status).containsValue(true);
        assertThat(backend.lastHealthRequest()).isEqualTo("HEAD health.example yes");
    }

    @Test
    void followsRedirectsUnlessDisabled() {
        backend.healthStatus(500);
        try {
            // followed: the redirect target answers 500, so the server is down
            assertThat(run(config("/moved", null, null, null, null), backend.url(), () -> true)).containsValue(false);
            // not followed: the 302 itself counts, and 3xx is healthy
            assertThat(run(config("/moved", null, null, null, false), backend.url(), () -> true))
                    .containsValue(true);
        } finally {
            backend.healthStatus(200);
        }
    }

    @Test
    void checksTheConfiguredPortAndFailsWhenNothingListens() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        assertThat(run(config("/health", null, null, closed, null), backend.url(), () -> true)).containsValue(false);
        int port = Integer.parseInt(backend.url().substring(backend.url().lastIndexOf(':') + 1));
        assertThat(run(config("/health", null, null, port, null), "http://127.0.0.1:" + closed, () -> true))
                .containsValue(true);
    }
}
