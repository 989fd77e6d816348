package io.trafficcop.proxy.config.dynamic;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * Traefik's {@code http.services.<name>.{weighted,mirroring,failover,highestRandomWeight}.healthCheck} ({@code dynamic.HealthCheck}).
 *
 * <p>An empty section: its presence turns on health status propagation from child services.
 */
public record ServiceHealthCheck() {

    /**
     * Traefik's file provider also takes a boolean for this section ({@code allowEmpty}): {@code true} is an
     * empty section (enabled, all defaults), {@code false} an absent one.
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static ServiceHealthCheck fromBoolean(boolean enabled) {
        return enabled ? new ServiceHealthCheck() : null;
    }
}
