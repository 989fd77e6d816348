package io.trafficcop.proxy.service;

import static io.trafficcop.proxy.service.ServiceTestBed.lb;
import static io.trafficcop.proxy.service.ServiceTestBed.server;
import static io.trafficcop.proxy.service.ServiceTestBed.servers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trafficcop.proxy.config.dynamic.Failover;
import io.trafficcop.proxy.config.dynamic.FailoverErrors;
import io.trafficcop.proxy.config.dynamic.LoadBalancer;
import io.trafficcop.proxy.config.dynamic.MirrorService;
import io.trafficcop.proxy.config.dynamic.Mirroring;
import io.trafficcop.proxy.config.dynamic.Service;
import io.trafficcop.proxy.config.dynamic.WeightedRoundRobin;
import io.trafficcop.proxy.config.dynamic.WrrService;
import io.trafficcop.proxy.service.failover.FailoverService;
import io.trafficcop.proxy.service.loadbalancer.hrw.HighestRandomWeightService;
import io.trafficcop.proxy.service.mirroring.MirroringService;
import io.trafficcop.proxy.service.weighted.WeightedService;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Building services from configuration: kinds, references, sharing, recursion and validation errors. */
class HttpServiceBuilderTest {

    static Service weighted(String... children) {
        return new Service(null, new WeightedRoundRobin(java.util.Arrays.stream(children)
                .map(c -> new WrrService(c, 1)).toList(), null, null), null, null, null, null);
    }

    @Test
    void buildsEveryKindAndSharesChildren() {
        Map<String, Service> configs = new LinkedHashMap<>();
        // a reports its status (failover needs it); without a registry no checker runs
        configs.put("a@file", lb(ServiceTestBed.withHealthCheck(servers("wrr", server("http://10.0.0.1", 1)),
                "/health", 1000)));
        configs.put("b@file", lb(servers("p2c", server("http://10.0.0.2", 1))));
        configs.put("w@file", weighted("a", "b@file"));
        configs.put("m@file", new Service(null, null, new Mirroring("a", null, null,
                List.of(new MirrorService("b", 10)), null), null, null, null));
        configs.put("h@file", new Service(null, null, null, null,
                new io.trafficcop.proxy.config.dynamic.HighestRandomWeight(
                        List.of(new io.trafficcop.proxy.config.dynamic.HrwService("a", 2)), null), null));
        configs.put("f@other", new Service(null, null, null, new Failover("a@file", "b@file", null, null), null,
                null));
        configs.put("a@other", new Service(lb(servers("wrr", server("http://10.0.0.3", 1))).loadBalancer(), null,
                null, null, null, null));
        HttpServiceBuilder builder = new HttpServiceBuilder(configs, ServiceContext.basic());
        Map<String, HttpService> all = builder.buildAll();
        assertThat(builder.errors()).isEmpty();
        assertThat(all.get("w@file")).isInstanceOf(WeightedService.class);
        assertThat(all.get("m@file")).isInstanceOf(MirroringService.class);
        assertThat(all.get("h@file")).isInstanceOf(HighestRandomWeightService.class);
        assertThat(all.get("f@other")).isInstanceOf(FailoverService.class);
        assertThat(builder.build("a@file")).isSameAs(all.get("a@file"));
        assertThat(((ServersLoadBalancer) all.get("b@file")).strategy()).isEqualTo("p2c");
    }

    @Test
    void reportsRecursionAsTraefik() {
        Map<String, Service> configs = new LinkedHashMap<>();
        configs.put("a@file", weighted("b"));
        configs.put("b@file", weighted("a"));
        HttpServiceBuilder builder = new HttpServiceBuilder(configs, ServiceContext.basic());
        assertThatThrownBy(() -> builder.build("a@file")).hasMessage("could not instantiate service a@file: "
                + "recursion detected in service:a@file->service:b@file->service:a@file");
        assertThat(builder.errors()).containsKeys("a@file", "b@file");
    }

    @Test
    void reportsMissingMultiTypeAndUntypedServices() {
        Map<String, Service> configs = new LinkedHashMap<>();
        configs.put("w@file", weighted("ghost"));
        LoadBalancer one = servers("wrr", server("http://10.0.0.1", 1));
        configs.put("multi@file", new Service(one, weighted("x").weighted(), null, null, null, null));
        configs.put("none@file", new Service(null, null, null, null, null, null));
        HttpServiceBuilder builder = new HttpServiceBuilder(configs, ServiceContext.basic());
        builder.buildAll();
        assertThat(builder.errors()).containsEntry("w@file", "the service \"ghost@file\" does not exist")
                .containsEntry("none@file", "the service \"none@file\" does not have any type defined");
        assertThat(builder.errors().get("multi@file")).contains("multi-types service not supported");
    }

    @ParameterizedTest
    @CsvSource({
            "roundrobin, http://10.0.0.1, unsupported load-balancer strategy \"roundrobin\"",
            "wrr,        http://,         error parsing server URL http://"})
    void rejectsInvalidLoadBalancers(String strategy, String url, String message) {
        Map<String, Service> configs = Map.of("x@file", lb(servers(strategy, server(url, 1))));
        assertThatThrownBy(() -> new HttpServiceBuilder(configs, ServiceContext.basic()).build("x@file"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }

    @Test
    void rejectsInvalidMirrorPercentAndFailoverErrorStatuses() {
        Map<String, Service> configs = new LinkedHashMap<>();
        configs.put("a@file", lb(servers("wrr", server("http://10.0.0.1", 1))));
        configs.put("m@file", new Service(null, null, new Mirroring("a", null, null,
                List.of(new MirrorService("a", 101)), null), null, null, null));
        configs.put("f@file", new Service(null, null, null, new Failover("a", "a", null,
                new FailoverErrors(null, List.of("500-5xx"))), null, null));
        HttpServiceBuilder builder = new HttpServiceBuilder(configs, ServiceContext.basic());
        builder.buildAll();
        assertThat(builder.errors().get("m@file")).contains("percent must be between 0 and 100");
        assertThat(builder.errors().get("f@file")).contains("invalid failover.errors.status \"500-5xx\"");
    }

    @Test
    void failoverNeedsAPrimaryThatReportsItsStatus() {
        Map<String, Service> configs = new LinkedHashMap<>();
        configs.put("a@file", lb(servers("wrr", server("http://10.0.0.1", 1))));
        configs.put("f@file", new Service(null, null, null, new Failover("a", "a", null, null), null, null));
        assertThatThrownBy(() -> new HttpServiceBuilder(configs, ServiceContext.basic()).build("f@file"))
                .hasMessageContaining("cannot register a as updater for f@file");
    }
}
