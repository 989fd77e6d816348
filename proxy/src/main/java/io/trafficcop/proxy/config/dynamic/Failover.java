package io.trafficcop.proxy.config.dynamic;


/**
 * Traefik's {@code http.services.<name>.failover} ({@code dynamic.Failover}).
 */
public record Failover(
        String service,
        String fallback,
        ServiceHealthCheck healthCheck,
        FailoverErrors errors) {
}
