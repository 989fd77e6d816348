package io.trafficcop.proxy.config.dynamic;

import io.trafficcop.proxy.config.NotImplemented;

/**
 * Traefik's {@code http.services.<name>.{weighted,mirroring,failover,highestRandomWeight}.healthCheck} ({@code dynamic.HealthCheck}).
 *
 * <p>An empty section: its presence turns on health status propagation from child services.
 */
@NotImplemented("health status propagation not implemented yet")
public record ServiceHealthCheck() {
}
