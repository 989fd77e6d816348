package io.trafficcop.proxy.middleware.circuitbreaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.trafficcop.proxy.config.GoDuration;
import io.trafficcop.proxy.config.dynamic.CircuitBreaker;
import io.trafficcop.proxy.runtime.EntryPointSettings;
import io.trafficcop.proxy.runtime.Snapshot;
import io.trafficcop.proxy.server.ProxyServer;
import io.trafficcop.proxy.testing.LeakCheck;
import io.trafficcop.proxy.testing.Services;
import io.trafficcop.proxy.testing.TestClients;
import io.trafficcop.proxy.testing.TestRoutes;
import io.trafficcop.proxy.whoami.WhoamiServer;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** circuitBreaker through the real proxy: a dead backend trips it, a whoami backend never does; a test clock. */
class CircuitBreakerMiddlewareIT {

    static final long MS = 1_000_000L;
    static final AtomicLong CLOCK = new AtomicLong(1_000 * MS);
    static ProxyServer proxy;
    static HttpClient client;
    static WhoamiServer whoami;
    static CircuitBreakerMiddleware dead;
    static CircuitBreakerMiddleware healthy;

    @BeforeAll
    static void start() throws Exception {
        LeakCheck.paranoid();
        client = TestClients.http1();
        whoami = new WhoamiServer("cb").start("127.0.0.1", 0);
        int deadPort;
        try (ServerSocket s = new ServerSocket(0)) {
            deadPort = s.getLocalPort();
        }
        CircuitBreaker config = new CircuitBreaker("NetworkErrorRatio() > 0.5", GoDuration.ofMillis(100),
                GoDuration.ofSeconds(10), GoDuration.ofSeconds(10), 418);
        dead = CircuitBreakerMiddleware.create("dead", config, CLOCK::get);
        healthy = CircuitBreakerMiddleware.create("healthy", config, CLOCK::get);
        proxy = new ProxyServer(1);
        proxy.start(List.of(EntryPointSettings.of("web", "127.0.0.1:0")), new Snapshot(Map.of("web", new TestRoutes()
                .host("dead.test", "dead@test",
                        dead.wrap(Services.loadBalancer("dead", "http://127.0.0.1:" + deadPort)))
                .host("ok.test", "ok@test", healthy.wrap(Services.loadBalancer("ok", whoami.url()))))));
    }

    @AfterAll
    static void stop() {
        proxy.shutdown();
        whoami.close();
        client.close();
    }

    private static HttpResponse<String> get(String host) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + proxy.boundPort("web") + "/"))
                .header("Host", host).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void networkErrorsTripTheBreakerUntilFallbackAndRecoveryAreOver() throws Exception {
        assertThat(get("dead.test").statusCode()).isEqualTo(502);
        await().untilAsserted(() -> assertThat(dead.state()).isEqualTo(CircuitBreakerMiddleware.State.TRIPPED));

        HttpResponse<String> fallback = get("dead.test");
        assertThat(fallback.statusCode()).isEqualTo(418);
        assertThat(fallback.body()).isEqualTo("I'm a teapot"); // Go's http.StatusText

        CLOCK.addAndGet(10_001 * MS); // past fallbackDuration: this request starts the recovery (ramp at 0)
        assertThat(get("dead.test").statusCode()).isEqualTo(418);
        assertThat(dead.state()).isEqualTo(CircuitBreakerMiddleware.State.RECOVERING);
        CLOCK.addAndGet(10_001 * MS); // past recoveryDuration
        assertThat(get("dead.test").statusCode()).isEqualTo(502); // closed again: the service is called

        for (int i = 0; i < 5; i++) {
            assertThat(get("ok.test").statusCode()).isEqualTo(200);
        }
        assertThat(healthy.state()).isEqualTo(CircuitBreakerMiddleware.State.STANDBY);
    }
}
