package io.trafficcop.proxy.service;

import static io.trafficcop.proxy.service.ServiceTestBed.lb;
import static io.trafficcop.proxy.service.ServiceTestBed.server;
import static io.trafficcop.proxy.service.ServiceTestBed.servers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.trafficcop.proxy.config.dynamic.MirrorService;
import io.trafficcop.proxy.config.dynamic.Mirroring;
import io.trafficcop.proxy.config.dynamic.Service;
import io.trafficcop.proxy.testing.LeakCheck;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Mirrored traffic percentages, mirrored bodies and their limit, and mirrors that cannot alter the main response. */
class MirroringIT {

    static TestBackend main;
    static TestBackend half;
    static TestBackend tenth;
    static ServiceTestBed bed;
    static int closedPort;

    @BeforeAll
    static void start() throws Exception {
        LeakCheck.paranoid();
        main = new TestBackend("main");
        half = new TestBackend("half");
        tenth = new TestBackend("tenth");
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        bed = new ServiceTestBed().start(Map.of());
    }

    @AfterAll
    static void stop() {
        bed.close();
        main.close();
        half.close();
        tenth.close();
    }

    @BeforeEach
    void build() {
        Map<String, Service> configs = new LinkedHashMap<>();
        configs.put("main@test", lb(servers("wrr", server(main.url(), 1))));
        configs.put("half@test", lb(servers("wrr", server(half.url(), 1))));
        configs.put("tenth@test", lb(servers("wrr", server(tenth.url(), 1))));
        configs.put("gone@test", lb(servers("wrr", server("http://127.0.0.1:" + closedPort, 1))));
        configs.put("mirrored@test", new Service(null, null, new Mirroring("main", null, null,
                List.of(new MirrorService("half", 50), new MirrorService("tenth", 10)), null), null, null, null));
        configs.put("limited@test", new Service(null, null, new Mirroring("main", true, 4L,
                List.of(new MirrorService("half", 100)), null), null, null, null));
        configs.put("nobody@test", new Service(null, null, new Mirroring("main", false, null,
                List.of(new MirrorService("half", 100)), null), null, null, null));
        configs.put("broken@test", new Service(null, null, new Mirroring("main", null, null,
                List.of(new MirrorService("gone", 100)), null), null, null, null));
        HttpServiceBuilder builder = new HttpServiceBuilder(configs, ServiceContext.basic());
        Map<String, HttpService> byHost = new LinkedHashMap<>();
        for (String name : configs.keySet()) {
            byHost.put(name.substring(0, name.indexOf('@')) + ".test", builder.build(name));
        }
        bed.apply(byHost);
    }

    @Test
    void mirrorsReceiveTheirPercentOfTheTraffic() throws Exception {
        int halfBefore = half.requests();
        int tenthBefore = tenth.requests();
        for (int i = 0; i < 40; i++) {
            var r = bed.get("mirrored.test", "/");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).isEqualTo("main");
        }
        // Traefik's counting is exact: 50% of 40 and 10% of 40
        await().atMost(Duration.ofSeconds(5)).until(() -> half.requests() - halfBefore == 20
                && tenth.requests() - tenthBefore == 4);
    }

    @Test
    void bodiesAreMirroredUpToMaxBodySize() throws Exception {
        int before = half.bodies().size();
        assertThat(bed.post("mirrored.test", "/", "hello").body()).isEqualTo("main");
        assertThat(bed.post("mirrored.test", "/", "world").body()).isEqualTo("main");
        // the first request of a fresh mirroring service goes to 'half' (1*50 > 0)
        await().atMost(Duration.ofSeconds(5)).until(() -> half.bodies().size() > before);
        assertThat(half.bodies().subList(before, half.bodies().size())).contains("hello");

        int beforeLimited = half.requests();
        assertThat(bed.post("limited.test", "/", "too long").body()).isEqualTo("main"); // 8 > maxBodySize 4
        assertThat(bed.post("limited.test", "/", "ok").body()).isEqualTo("main");
        await().atMost(Duration.ofSeconds(5)).until(() -> half.requests() == beforeLimited + 1);
        assertThat(half.bodies()).last().isEqualTo("ok");

        int beforeNoBody = half.requests();
        assertThat(bed.post("nobody.test", "/", "secret").body()).isEqualTo("main");
        await().atMost(Duration.ofSeconds(5)).until(() -> half.requests() == beforeNoBody + 1);
        assertThat(half.bodies()).last().isEqualTo("");
    }

    @Test
    void aBrokenMirrorDoesNotAlterTheMainResponse() throws Exception {
        for (int i = 0; i < 5; i++) {
            var r = bed.get("broken.test", "/");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).isEqualTo("main");
        }
    }
}
