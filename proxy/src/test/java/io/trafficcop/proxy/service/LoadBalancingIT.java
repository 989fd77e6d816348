package io.trafficcop.proxy.service;

import static io.trafficcop.proxy.service.ServiceTestBed.lb;
import static io.trafficcop.proxy.service.ServiceTestBed.server;
import static io.trafficcop.proxy.service.ServiceTestBed.servers;
import static io.trafficcop.proxy.service.ServiceTestBed.withSticky;
import static org.assertj.core.api.Assertions.assertThat;

import io.trafficcop.proxy.config.dynamic.Cookie;
import io.trafficcop.proxy.config.dynamic.Service;
import io.trafficcop.proxy.config.dynamic.WeightedRoundRobin;
import io.trafficcop.proxy.config.dynamic.WrrService;
import io.trafficcop.proxy.runtime.ServersTransportSettings;
import io.trafficcop.proxy.service.healthcheck.HealthCheckRegistry;
import io.trafficcop.proxy.service.metrics.ServiceMetrics;
import io.trafficcop.proxy.testing.LeakCheck;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Distribution per strategy, server weights and sticky sessions over real backends and a real proxy. */
class LoadBalancingIT {

    static TestBackend a;
    static TestBackend b;
    static TestBackend c;
    static ServiceTestBed bed;
    static ServiceMetrics metrics = new ServiceMetrics();

    @BeforeAll
    static void start() throws Exception {
        LeakCheck.paranoid();
        a = new TestBackend("a");
        b = new TestBackend("b");
        c = new TestBackend("c").delay(30);
        bed = new ServiceTestBed().start(build());
    }

    @AfterAll
    static void stop() {
        bed.close();
        a.close();
        b.close();
        c.close();
    }

    static ServiceContext context() {
        return new ServiceContext(n -> n == null ? ServersTransportSettings.DEFAULTS : null, null, metrics,
                new SplittableRandom(7));
    }

    static Map<String, HttpService> build() {
        Map<String, Service> configs = new LinkedHashMap<>();
        configs.put("wrr@test", lb(servers("wrr", server(a.url(), 3), server(b.url(), 1))));
        configs.put("p2c@test", lb(servers("p2c", server(a.url(), 1), server(b.url(), 1))));
        configs.put("hrw@test", lb(servers("hrw", server(a.url(), 1), server(b.url(), 1), server(c.url(), 1))));
        configs.put("leasttime@test", lb(servers("leasttime", server(a.url(), 1), server(c.url(), 1))));
        configs.put("leastconn@test", lb(servers("x-trafficcop-leastconn", server(a.url(), 1),
                server(b.url(), 1))));
        configs.put("random@test", lb(servers("x-trafficcop-random", server(a.url(), 1), server(b.url(), 1))));
        configs.put("sticky@test", lb(withSticky(servers("wrr", server(a.url(), 1), server(b.url(), 1)),
                new Cookie(null, null, true, "lax", null, null, null))));
        configs.put("left@test", lb(withSticky(servers("wrr", server(a.url(), 1), server(b.url(), 1)),
                new Cookie("inner", null, null, null, null, null, null))));
        configs.put("right@test", lb(servers("wrr", server(c.url(), 1))));
        configs.put("nested@test", new Service(null, new WeightedRoundRobin(
                List.of(new WrrService("left", 1), new WrrService("right", 1)),
                new io.trafficcop.proxy.config.dynamic.Sticky(new Cookie("outer", null, null, null, null, null,
                        null)), null), null, null, null, null));
        HttpServiceBuilder builder = new HttpServiceBuilder(configs, context());
        Map<String, HttpService> byHost = new HashMap<>();
        for (String name : configs.keySet()) {
            byHost.put(name.substring(0, name.indexOf('@')) + ".test", builder.build(name));
        }
        assertThat(builder.errors()).isEmpty();
        return byHost;
    }

    static Map<String, Integer> distribution(String host, int requests) throws Exception {
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < requests; i++) {
            HttpResponse<String> r = bed.get(host, "/");
            assertThat(r.statusCode()).isEqualTo(200);
            counts.merge(r.body(), 1, Integer::sum);
        }
        return counts;
    }

    @Test
    void wrrHonoursServerWeights() throws Exception {
        assertThat(distribution("wrr.test", 8)).containsExactlyInAnyOrderEntriesOf(Map.of("a", 6, "b", 2));
    }

    @Test
    void p2cAndRandomUseEveryServer() throws Exception {
        assertThat(distribution("p2c.test", 20)).containsOnlyKeys("a", "b");
        assertThat(distribution("random.test", 20)).containsOnlyKeys("a", "b");
    }

    @Test
    void hrwSendsOneClientToOneServer() throws Exception {
        assertThat(distribution("hrw.test", 10)).hasSize(1).containsValue(10);
    }

    @Test
    void leastTimeServesEveryRequest() throws Exception {
        // which server wins depends on measured response times: StrategiesTest checks the choice with given times
        Map<String, Integer> counts = distribution("leasttime.test", 20);
        assertThat(counts.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(20);
        var stats = metrics.service("leasttime@test");
        // the time to first byte is taken when the response head is written, before the client reads it
        assertThat(stats.server(a.url()).timeToFirstByteSamples() + stats.server(c.url()).timeToFirstByteSamples())
                .isEqualTo(20);
    }

    @Test
    void onlyLeastTimeRecordsTimesToFirstByte() throws Exception {
        distribution("wrr.test", 4);
        var stats = metrics.service("wrr@test");
        assertThat(stats.server(a.url()).timeToFirstByteSamples()).isZero();
        assertThat(stats.server(b.url()).timeToFirstByteSamples()).isZero();
    }

    @Test
    void leastConnectionsSharesIdleServersEvenly() throws Exception {
        assertThat(distribution("leastconn.test", 10)).containsExactlyInAnyOrderEntriesOf(Map.of("a", 5, "b", 5));
    }

    @Test
    void metricsCountRequestsPerServer() throws Exception {
        distribution("wrr.test", 4);
        var stats = metrics.service("wrr@test");
        // an exchange completes once its last byte is written, which the client may see first
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5))
                .until(() -> stats.server(a.url()).inflight() == 0 && stats.server(b.url()).inflight() == 0);
        assertThat(stats.requests()).isGreaterThanOrEqualTo(4);
        assertThat(stats.server(a.url()).requests() + stats.server(b.url()).requests()).isEqualTo(stats.requests());
        assertThat(stats.server(a.url()).up()).isTrue();
    }

    @Test
    void stickyCookieKeepsTheClientOnItsServerAcrossReloads() throws Exception {
        HttpResponse<String> first = bed.get("sticky.test", "/");
        String cookie = first.headers().firstValue("Set-Cookie").orElseThrow();
        // Traefik's default name for sticky@test and sha256(url)[:16] as value
        assertThat(cookie).startsWith(io.trafficcop.proxy.service.sticky.StickyCookie.generatedName("sticky@test")
                + "=" + io.trafficcop.proxy.service.sticky.StickySessions.sha256Hash(
                first.body().equals("a") ? a.url() : b.url()))
                .endsWith("; Path=/; HttpOnly; SameSite=Lax");
        String pair = cookie.substring(0, cookie.indexOf(';'));
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 4; i++) {
                assertThat(bed.get("sticky.test", "/", "Cookie", pair).body()).isEqualTo(first.body());
            }
            bed.apply(build()); // a reload builds new balancers: the cookie value still names the same server
        }
    }

    @Test
    void legacyPlainUrlCookieIsAcceptedAndRewritten() throws Exception {
        String name = io.trafficcop.proxy.service.sticky.StickyCookie.generatedName("sticky@test");
        HttpResponse<String> r = bed.get("sticky.test", "/", "Cookie", name + "=" + b.url());
        assertThat(r.body()).isEqualTo("b");
        assertThat(r.headers().firstValue("Set-Cookie")).hasValueSatisfying(v -> assertThat(v)
                .startsWith(name + "=" + io.trafficcop.proxy.service.sticky.StickySessions.sha256Hash(b.url())));
        // a current cookie is not rewritten
        String current = name + "=" + io.trafficcop.proxy.service.sticky.StickySessions.sha256Hash(b.url());
        assertThat(bed.get("sticky.test", "/", "Cookie", current).headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void nestedStickinessSetsOneCookiePerLevel() throws Exception {
        String outer = null;
        String inner = null;
        String server = null;
        for (int i = 0; i < 4 && inner == null; i++) {
            HttpResponse<String> r = bed.get("nested.test", "/");
            List<String> cookies = r.headers().allValues("Set-Cookie");
            if (cookies.size() == 2) {
                outer = cookies.stream().filter(v -> v.startsWith("outer=")).findFirst().orElseThrow();
                inner = cookies.stream().filter(v -> v.startsWith("inner=")).findFirst().orElseThrow();
                server = r.body();
            }
        }
        assertThat(inner).as("the weighted level sets 'outer', the left load balancer 'inner'").isNotNull();
        assertThat(outer).startsWith("outer=" + io.trafficcop.proxy.service.sticky.StickySessions.sha256Hash("left"));
        String cookieHeader = outer.substring(0, outer.indexOf(';')) + "; " + inner.substring(0, inner.indexOf(';'));
        for (int i = 0; i < 6; i++) {
            HttpResponse<String> r = bed.get("nested.test", "/", "Cookie", cookieHeader);
            assertThat(r.body()).isEqualTo(server);
            assertThat(r.headers().allValues("Set-Cookie")).isEmpty();
        }
    }
}
