package io.trafficcop.proxy.service;

import static io.trafficcop.proxy.service.ServiceTestBed.lb;
import static io.trafficcop.proxy.service.ServiceTestBed.server;
import static io.trafficcop.proxy.service.ServiceTestBed.servers;
import static io.trafficcop.proxy.service.ServiceTestBed.withHealthCheck;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.trafficcop.proxy.config.GoDuration;
import io.trafficcop.proxy.config.dynamic.Failover;
import io.trafficcop.proxy.config.dynamic.LoadBalancer;
import io.trafficcop.proxy.config.dynamic.PassiveHealthCheck;
import io.trafficcop.proxy.config.dynamic.Service;
import io.trafficcop.proxy.config.dynamic.WeightedRoundRobin;
import io.trafficcop.proxy.config.dynamic.WrrService;
import io.trafficcop.proxy.runtime.ServersTransportSettings;
import io.trafficcop.proxy.service.healthcheck.HealthCheckRegistry;
import io.trafficcop.proxy.service.metrics.ServiceMetrics;
import io.trafficcop.proxy.testing.LeakCheck;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Active and passive health checks, status propagation to weighted and failover services, reloads. */
class HealthCheckIT {

    EventLoopGroup loops;
    HealthCheckRegistry registry;
    ServiceMetrics metrics;
    static TestBackend a;
    static TestBackend b;
    static ServiceTestBed bed;

    @BeforeAll
    static void backends() throws Exception {
        LeakCheck.paranoid();
        a = new TestBackend("a");
        b = new TestBackend("b");
        bed = new ServiceTestBed().start(Map.of());
    }

    @AfterAll
    static void closeBackends() {
        bed.close();
        a.close();
        b.close();
    }

    @BeforeEach
    void start() {
        loops = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        registry = new HealthCheckRegistry(loops, NioSocketChannel.class);
        metrics = new ServiceMetrics();
        a.healthStatus(200).status(200);
        b.healthStatus(200).status(200);
    }

    @AfterEach
    void stop() {
        registry.close();
        loops.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    }

    ServiceContext context() {
        return new ServiceContext(n -> n == null ? ServersTransportSettings.DEFAULTS : null, registry, metrics,
                new SplittableRandom(3));
    }

    Map<String, HttpService> build(Map<String, Service> configs) {
        HttpServiceBuilder builder = new HttpServiceBuilder(configs, context());
        Map<String, HttpService> byHost = new LinkedHashMap<>();
        for (String name : configs.keySet()) {
            byHost.put(name.substring(0, name.indexOf('@')) + ".test", builder.build(name));
        }
        return byHost;
    }

    Map<String, Service> pair() {
        Map<String, Service> configs = new LinkedHashMap<>();
        configs.put("pair@test", lb(withHealthCheck(servers("wrr", server(a.url(), 1), server(b.url(), 1)),
                "/health", 50)));
        return configs;
    }

    @Test
    void unhealthyServerLeavesTheRotationAndComesBackUnderLoadWithoutFailedRequests() throws Exception {
        Map<String, HttpService> services = build(pair());
        var lb = (ServersLoadBalancer) services.get("pair.test");
        bed.apply(services);

        List<Integer> statuses = new CopyOnWriteArrayList<>();
        List<String> served = new CopyOnWriteArrayList<>();
        AtomicBoolean running = new AtomicBoolean(true);
        Thread load = Thread.ofVirtual().start(() -> {
            while (running.get()) {
                try {
                    var r = bed.get("pair.test", "/");
                    statuses.add(r.statusCode());
                    served.add(r.body());
                } catch (Exception e) {
                    statuses.add(-1);
                }
            }
        });
        try {
            await().atMost(Duration.ofSeconds(5)).until(() -> served.contains("a") && served.contains("b"));
            b.healthStatus(503);
            await().atMost(Duration.ofSeconds(5)).until(() -> !lb.healthChecker().isHealthy(b.url()));
            int before = b.requests();
            int mark = served.size();
            await().atMost(Duration.ofSeconds(5)).until(() -> served.size() > mark + 20);
            assertThat(b.requests()).as("no request reaches the unhealthy server").isEqualTo(before);
            assertThat(metrics.service("pair@test").server(b.url()).up()).isFalse();

            b.healthStatus(200);
            int back = b.requests();
            await().atMost(Duration.ofSeconds(5)).until(() -> b.requests() > back + 5);
        } finally {
            running.set(false);
            load.join();
        }
        assertThat(statuses).isNotEmpty().containsOnly(200);
    }

    @Test
    void noHealthyServerAnswers503() throws Exception {
        a.healthStatus(500);
        b.healthStatus(500);
        Map<String, HttpService> services = build(pair());
        bed.apply(services);
        await().atMost(Duration.ofSeconds(5)).until(() -> !services.get("pair.test").isUp());
        var r = bed.get("pair.test", "/");
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.body()).isEqualTo("no available server\n");
    }

    @Test
    void checkerAndKnownStatusesSurviveAReloadWithAnUnchangedConfiguration() {
        b.healthStatus(500);
        var first = (ServersLoadBalancer) build(pair()).get("pair.test");
        await().atMost(Duration.ofSeconds(5)).until(() -> !first.healthChecker().isHealthy(b.url()));
        var second = (ServersLoadBalancer) build(pair()).get("pair.test");
        assertThat(second.healthChecker()).isSameAs(first.healthChecker());
        // the new balancer starts with the known status: b is out before any new check
        for (int i = 0; i < 4; i++) {
            assertThat(second.selectServer(null).name()).isEqualTo(a.url());
        }
        Map<String, Service> changed = pair();
        changed.put("pair@test", lb(withHealthCheck(servers("wrr", server(a.url(), 1), server(b.url(), 1)),
                "/health", 60)));
        var third = (ServersLoadBalancer) build(changed).get("pair.test");
        assertThat(third.healthChecker()).isNotSameAs(first.healthChecker());
        assertThat(first.healthChecker().closed()).isTrue();
        registry.retainOnly(List.of());
        assertThat(third.healthChecker().closed()).isTrue();
    }

    @Test
    void statusPropagatesToWeightedAndFailoverParents() throws Exception {
        Map<String, Service> configs = new LinkedHashMap<>();
        configs.put("primary@test", lb(withHealthCheck(servers("wrr", server(a.url(), 1)), "/health", 50)));
        configs.put("backup@test", lb(withHealthCheck(servers("wrr", server(b.url(), 1)), "/health", 50)));
        configs.put("weighted@test", new Service(null, new WeightedRoundRobin(
                List.of(new WrrService("primary", 1), new WrrService("backup", 1)), null,
                ServiceTestBed.propagate()), null, null, null, null));
        configs.put("failover@test", new Service(null, null, null,
                new Failover("primary", "backup", ServiceTestBed.propagate(), null), null, null));
        Map<String, HttpService> services = build(configs);
        bed.apply(services);

        assertThat(bed.get("failover.test", "/").body()).isEqualTo("a");
        a.healthStatus(500);
        await().atMost(Duration.ofSeconds(5)).until(() -> !services.get("primary.test").isUp());
        for (int i = 0; i < 4; i++) {
            assertThat(bed.get("weighted.test", "/").body()).isEqualTo("b");
            assertThat(bed.get("failover.test", "/").body()).isEqualTo("b");
        }
        b.healthStatus(500);
        await().atMost(Duration.ofSeconds(5)).until(() -> !services.get("failover.test").isUp());
        assertThat(services.get("weighted.test").isUp()).isFalse();
        assertThat(metrics.service("weighted@test").up()).isFalse();
        assertThat(metrics.service("failover@test").up()).isFalse();
        assertThat(metrics.service("primary@test").server(a.url()).up()).isFalse();
        var down = bed.get("failover.test", "/");
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.body()).isEqualTo("Service Unavailable\n");
        assertThat(bed.get("weighted.test", "/").body()).isEqualTo("no available server\n");

        a.healthStatus(200);
        b.healthStatus(200);
        await().atMost(Duration.ofSeconds(5)).until(() -> services.get("primary.test").isUp()
                && services.get("backup.test").isUp());
        assertThat(bed.get("failover.test", "/").body()).isEqualTo("a");
    }

    @Test
    void parentsRequireChildrenThatReportTheirStatus() {
        Map<String, Service> configs = new LinkedHashMap<>();
        configs.put("plain@test", lb(servers("wrr", server(a.url(), 1))));
        configs.put("weighted@test", new Service(null, new WeightedRoundRobin(
                List.of(new WrrService("plain", 1)), null, ServiceTestBed.propagate()), null, null, null, null));
        HttpServiceBuilder builder = new HttpServiceBuilder(configs, context());
        assertThatThrownBy(() -> builder.build("weighted@test"))
                .hasMessageContaining("healthCheck not enabled in config for this WRR service plain@test");
    }

    @Test
    void passiveHealthCheckTakesAFailingServerOutForTheFailureWindow() throws Exception {
        b.status(500);
        LoadBalancer config = servers("wrr", server(a.url(), 1), server(b.url(), 1));
        config = new LoadBalancer(null, config.servers(), "wrr", null,
                new PassiveHealthCheck(GoDuration.ofMillis(400), 2), null, null, null);
        Map<String, Service> configs = new LinkedHashMap<>();
        configs.put("passive@test", lb(config));
        Map<String, HttpService> services = build(configs);
        bed.apply(services);
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            statuses.add(bed.get("passive.test", "/").statusCode());
        }
        // b failed twice (maxFailedAttempts 2) and is out: the rest went to a
        assertThat(statuses.stream().filter(s -> s == 500).count()).isEqualTo(2);
        b.status(200);
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
                .until(() -> bed.get("passive.test", "/").body().equals("b"));
    }
}
