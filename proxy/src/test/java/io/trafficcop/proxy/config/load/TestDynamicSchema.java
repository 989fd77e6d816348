package io.trafficcop.proxy.config.load;

import java.util.List;
import java.util.Map;

/** A small dynamic-configuration schema for tests of the generic machinery. */
public final class TestDynamicSchema {

    private TestDynamicSchema() {
    }

    public record Root(Http http) {
    }

    public record Http(Map<String, Router> routers, Map<String, Service> services) {
    }

    public record Router(String rule, String service, List<String> middlewares, Integer priority) {
    }

    public record Service(LoadBalancer loadBalancer) {
    }

    public record LoadBalancer(List<Server> servers) {
    }

    public record Server(String url) {
    }
}
