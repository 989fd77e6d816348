package io.trafficcop.proxy.service;

import static io.trafficcop.proxy.service.ServiceTestBed.lb;
import static io.trafficcop.proxy.service.ServiceTestBed.server;
import static io.trafficcop.proxy.service.ServiceTestBed.servers;
import static org.assertj.core.api.Assertions.assertThat;

import io.trafficcop.proxy.config.dynamic.Failover;
import io.trafficcop.proxy.config.dynamic.FailoverErrors;
import io.trafficcop.proxy.config.dynamic.Service;
import io.trafficcop.proxy.testing.LeakCheck;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Traefik 3.7's status-code based failover (failover.errors) over real backends. */
class FailoverIT {

    static TestBackend primary;
    static TestBackend fallback;
    static ServiceTestBed bed;

    @BeforeAll
    static void start() throws Exception {
        LeakCheck.paranoid();
        primary = new TestBackend("primary");
        fallback = new TestBackend("fallback");
        Map<String, Service> configs = new LinkedHashMap<>();
        configs.put("primary@test", lb(servers("wrr", server(primary.url(), 1))));
        configs.put("fallback@test", lb(servers("wrr", server(fallback.url(), 1))));
        configs.put("errors@test", new Service(null, null, null, new Failover("primary", "fallback", null,
                new FailoverErrors(8L, List.of("500-504"))), null, null));
        HttpServiceBuilder builder = new HttpServiceBuilder(configs, ServiceContext.basic());
        Map<String, HttpService> byHost = new LinkedHashMap<>();
        for (String name : configs.keySet()) {
            byHost.put(name.substring(0, name.indexOf('@')) + ".test", builder.build(name));
        }
        bed = new ServiceTestBed().start(byHost);
    }

    @AfterAll
    static void stop() {
        bed.close();
        primary.close();
        fallback.close();
    }

    @BeforeEach
    void reset() {
        primary.status(200);
    }

    @Test
    void aPrimaryAnswerOutsideTheRangesIsServed() throws Exception {
        var ok = bed.get("errors.test", "/");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo("primary");
        primary.status(404);
        var notFound = bed.get("errors.test", "/");
        assertThat(notFound.statusCode()).isEqualTo(404);
        assertThat(notFound.body()).isEqualTo("primary");
    }

    @Test
    void anErrorStatusReplaysTheRequestOnTheFallback() throws Exception {
        primary.status(503);
        for (int i = 0; i < 3; i++) {
            var r = bed.get("errors.test", "/");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).isEqualTo("fallback");
        }
        int before = fallback.bodies().size();
        var post = bed.post("errors.test", "/", "payload");
        assertThat(post.body()).isEqualTo("fallback");
        assertThat(fallback.bodies().subList(before, fallback.bodies().size())).containsExactly("payload");
        assertThat(primary.bodies()).contains("payload");
    }

    @Test
    void aBodyOverMaxRequestBodyBytesIsRefused() throws Exception {
        var r = bed.post("errors.test", "/", "way too long");
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.body()).isEqualTo("Request body too large\n");
    }
}
