package io.trafficcop.operator;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.trafficcop.operator.api.v1alpha1.TrafficCop;
import io.trafficcop.operator.model.Fleet;
import io.trafficcop.operator.model.ProxyConfiguration;
import java.util.Map;

/** Shared test inputs: a Traefik configuration fit for the operator and a TrafficCop resource using it. */
public final class Fixtures {

    public static final String STATIC_YAML = """
            entryPoints:
              web:
                address: ":8000"
              websecure:
                address: ":8443"
                transport:
                  lifeCycle:
                    requestAcceptGraceTimeout: 5s
                    graceTimeOut: 20s
              traefik:
                address: ":9000"
            ping:
              entryPoint: traefik
            providers:
              file:
                directory: /etc/traefik/dynamic
                watch: true
            """;

    public static final String DYNAMIC_YAML = """
            http:
              routers:
                whoami:
                  rule: Host(`whoami.example.com`)
                  service: whoami
              services:
                whoami:
                  loadBalancer:
                    servers:
                      - url: http://whoami:80
            """;

    private Fixtures() {
    }

    public static TrafficCop trafficCop(String name) {
        TrafficCop tc = new TrafficCop();
        tc.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace("edge").withGeneration(1L).build());
        tc.getSpec().config.configMapName = name + "-traefik";
        tc.getSpec().image = "ghcr.io/trafficcop/trafficcop:test";
        return tc;
    }

    public static ProxyConfiguration configuration() {
        return ProxyConfiguration.of("traefik.yml", STATIC_YAML, Map.of("routes.yml", DYNAMIC_YAML));
    }

    public static Fleet fleet(TrafficCop tc) {
        return Fleet.of(tc, configuration());
    }

    public static Fleet fleet() {
        return fleet(trafficCop("edge-proxy"));
    }
}
