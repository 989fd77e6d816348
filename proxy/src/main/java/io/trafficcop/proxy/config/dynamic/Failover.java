package io.trafficcop.proxy.config.dynamic;

import io.trafficcop.proxy.config.NotImplemented;

/**
 * Traefik's {@code http.services.<name>.failover} ({@code dynamic.Failover}).
 */
@NotImplemented("failover services not implemented yet")
public record Failover(
        String service,
        String fallback,
        ServiceHealthCheck healthCheck,
        FailoverErrors errors) {
}
