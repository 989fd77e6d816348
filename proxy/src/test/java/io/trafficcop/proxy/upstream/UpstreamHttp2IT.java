package io.trafficcop.proxy.upstream;

import static io.trafficcop.proxy.upstream.TestCertificates.ip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.SslContextBuilder;
import io.trafficcop.proxy.runtime.EntryPointSettings;
import io.trafficcop.proxy.runtime.LoadBalancerSettings;
import io.trafficcop.proxy.runtime.ServersTransportSettings;
import io.trafficcop.proxy.runtime.Snapshot;
import io.trafficcop.proxy.runtime.UpstreamTlsSettings;
import io.trafficcop.proxy.server.ProxyServer;
import io.trafficcop.proxy.testing.LeakCheck;
import io.trafficcop.proxy.testing.Services;
import io.trafficcop.proxy.testing.TestClients;
import io.trafficcop.proxy.testing.TestRoutes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * HTTP/2 to backends over real sockets: h2c:// with prior knowledge and https:// with ALPN h2, concurrent exchanges
 * multiplexed as streams on one connection per event loop, request bodies larger than a flow-control window, and
 * {@code readIdleTimeout}/{@code pingTimeout} health-check PINGs.
 */
class UpstreamHttp2IT {

    static TestBackend h2c;
    static TestBackend h2;
    static TestBackend silent;
    static TestBackend pinged;
    static TestBackend idle;
    static ProxyServer proxy;
    static HttpClient client;

    @BeforeAll
    static void start() throws Exception {
        LeakCheck.paranoid();
        var cert = TestCertificates.leaf(null, "backend", ip("127.0.0.1"));
        h2c = TestBackend.h2c(true);
        h2 = TestBackend.tls(SslContextBuilder.forServer(cert.key(), cert.certificate())
                .applicationProtocolConfig(new ApplicationProtocolConfig(ApplicationProtocolConfig.Protocol.ALPN,
                        ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                        ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT,
                        ApplicationProtocolNames.HTTP_2, ApplicationProtocolNames.HTTP_1_1)).build());
        silent = TestBackend.h2c(false);
        pinged = TestBackend.h2c(true);
        idle = TestBackend.h2c(true);
        var insecure = new UpstreamTlsSettings(null, true, null, null, null, null, null, null);
        TestRoutes routes = new TestRoutes()
                .host("h2c.test", "h2c@test", Services.loadBalancer("h2c", "h2c://127.0.0.1:" + h2c.port()))
                .host("h2.test", "h2@test", Services.loadBalancer("h2", transport(insecure, null, null),
                        LoadBalancerSettings.DEFAULTS, "https://127.0.0.1:" + h2.port()))
                .host("silent.test", "silent@test", Services.loadBalancer("silent",
                        transport(null, Duration.ofMillis(100), Duration.ofMillis(200)), LoadBalancerSettings.DEFAULTS,
                        "h2c://127.0.0.1:" + silent.port()))
                .host("pinged.test", "pinged@test", Services.loadBalancer("pinged",
                        transport(null, Duration.ofMillis(50), Duration.ofSeconds(5)), LoadBalancerSettings.DEFAULTS,
                        "h2c://127.0.0.1:" + pinged.port()))
                .host("idle.test", "idle@test", Services.loadBalancer("idle", new ServersTransportSettings("idle", 0,
                        Duration.ofSeconds(5), Duration.ZERO, Duration.ofMillis(100), null, false, null, null),
                        LoadBalancerSettings.DEFAULTS, "h2c://127.0.0.1:" + idle.port()));
        proxy = new ProxyServer(2);
        proxy.start(List.of(EntryPointSettings.of("web", "127.0.0.1:0")), new Snapshot(Map.of("web", routes)));
        client = TestClients.http1();
    }

    private static ServersTransportSettings transport(UpstreamTlsSettings tls, Duration readIdle, Duration ping) {
        return new ServersTransportSettings("t", 0, Duration.ofSeconds(5), Duration.ZERO, Duration.ofSeconds(90), tls,
                false, readIdle, ping);
    }

    @AfterAll
    static void stop() {
        proxy.shutdown();
        for (TestBackend b : List.of(h2c, h2, silent, pinged, idle)) {
            b.close();
        }
        client.close();
    }

    private static HttpRequest.Builder request(String host, String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + proxy.boundPort("web") + path))
                .timeout(Duration.ofSeconds(10)).header("Host", host);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2c", "h2"})
    void multiplexesConcurrentExchangesOnOneConnectionPerEventLoop(String name) throws Exception {
        TestBackend backend = name.equals("h2c") ? h2c : h2;
        int count = 50;
        backend.holdUntil = count; // the backend answers only once all 50 are in flight at the same time
        List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            responses.add(client.sendAsync(request(name + ".test", "/hold/" + i).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        for (var response : responses) {
            assertThat(response.get().statusCode()).isEqualTo(200);
            assertThat(response.get().body()).startsWith("proto=h2");
        }
        assertThat(backend.requests.get()).isGreaterThanOrEqualTo(count);
        assertThat(backend.connections.get()).isBetween(1, 2); // the proxy runs 2 event loops
    }

    @Test
    void streamsRequestBodiesLargerThanTheFlowControlWindow() throws Exception {
        String body = "x".repeat(300_000);
        HttpResponse<String> response = client.send(request("h2c.test", "/upload")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("proto=h2 client=- body=" + body);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2c", "h2"})
    void streamsResponseBodiesLargerThanTheFlowControlWindow(String name) throws Exception {
        HttpResponse<String> response = client.send(request(name + ".test", "/big/3000000").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).hasSize(3_000_000);
    }

    @Test
    void retriesARefusedStreamOnce() throws Exception {
        HttpResponse<String> response = client.send(request("h2c.test", "/refuse").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(h2c.refused.get()).isEqualTo(2);
    }

    @Test
    void closesAnHttp2ConnectionWithoutStreamsAfterIdleConnTimeout() throws Exception {
        assertThat(client.send(request("idle.test", "/").build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(5)).until(() -> idle.closed.get() == idle.connections.get());
    }

    @Test
    void closesTheConnectionWhenTheBackendDoesNotAnswerPings() throws Exception {
        // /hang is never answered: only the unanswered PING (readIdleTimeout 100ms, pingTimeout 200ms) ends it
        HttpResponse<String> response = client.send(request("silent.test", "/hang").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(silent.pings.get()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void keepsAConnectionWhosePingsAreAnswered() throws Exception {
        assertThat(client.send(request("pinged.test", "/").build(), HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(5)).until(() -> pinged.pings.get() >= 3);
        assertThat(client.send(request("pinged.test", "/").build(), HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(200);
        assertThat(pinged.connections.get()).isLessThanOrEqualTo(2);
    }
}
