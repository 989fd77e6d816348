package io.trafficcop.proxy.upstream;

import static io.trafficcop.proxy.upstream.TestCertificates.dns;
import static io.trafficcop.proxy.upstream.TestCertificates.uri;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslContextBuilder;
import io.trafficcop.proxy.config.GoDuration;
import io.trafficcop.proxy.config.dynamic.HealthCheck;
import io.trafficcop.proxy.runtime.ServersTransportSettings;
import io.trafficcop.proxy.runtime.UpstreamTlsSettings;
import io.trafficcop.proxy.service.healthcheck.HealthCheckSettings;
import io.trafficcop.proxy.service.healthcheck.HealthChecker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Health checks of https servers dial with the service's servers transport, as Traefik's do: its rootCAs,
 * serverName, insecureSkipVerify and peerCertURI decide whether the server is reachable, not the JVM's trust store.
 */
class HealthCheckOverTlsIT {

    static EventLoopGroup loops;
    static TestBackend backend;
    static List<String> ca;

    @BeforeAll
    static void start() throws Exception {
        var authority = TestCertificates.authority("Health CA");
        var cert = TestCertificates.leaf(authority, "backend", dns("backend.test"), uri("spiffe://test/backend"));
        backend = TestBackend.tls(SslContextBuilder.forServer(cert.key(), cert.certificate()).build());
        ca = List.of(authority.certPem());
        loops = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    }

    @AfterAll
    static void stop() {
        backend.close();
        loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    static UpstreamTlsSettings tls(String transport) {
        return switch (transport) {
            case "trusted" -> new UpstreamTlsSettings("backend.test", false, ca, null, null, null, null, null);
            case "jvm-trust-store" -> UpstreamTlsSettings.DEFAULTS;
            case "insecure" -> new UpstreamTlsSettings(null, true, null, null, null, null, null, null);
            case "wrong-name" -> new UpstreamTlsSettings("other.test", false, ca, null, null, null, null, null);
            case "peer-uri-ok" -> new UpstreamTlsSettings("backend.test", false, ca, null, null, null, null,
                    "spiffe://test/backend");
            case "peer-uri-bad" -> new UpstreamTlsSettings("backend.test", false, ca, null, null, null, null,
                    "spiffe://test/other");
            default -> throw new IllegalArgumentException(transport);
        };
    }

    @ParameterizedTest
    @CsvSource({
            "trusted,         true",
            "jvm-trust-store, false",
            "insecure,        true",
            "wrong-name,      false",
            "peer-uri-ok,     true",
            "peer-uri-bad,    false",
    })
    void checksThroughTheServicesTransport(String transport, boolean healthy) {
        var settings = new ServersTransportSettings("hc@test", 0, Duration.ofSeconds(5), Duration.ZERO,
                Duration.ofSeconds(90), tls(transport), false, null, null);
        var config = new HealthCheck(null, null, "/health", null, null, null, GoDuration.ofMillis(30), null,
                GoDuration.ofMillis(2000), null, null, Map.of());
        String url = "https://127.0.0.1:" + backend.port();
        Map<String, Boolean> status = new ConcurrentHashMap<>();
        try (HealthChecker checker = new HealthChecker("hc@test", HealthCheckSettings.of(config), List.of(url), loops,
                NioSocketChannel.class, settings)) {
            checker.attach(status::put);
            checker.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> status.containsKey(url));
        }
        assertThat(status.get(url)).isEqualTo(healthy);
    }
}
