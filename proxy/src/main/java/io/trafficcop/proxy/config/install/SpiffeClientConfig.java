package io.trafficcop.proxy.config.install;

import io.trafficcop.proxy.config.NotImplemented;

/**
 * Connection to the SPIFFE workload API.
 *
 * <p>Traefik key: {@code spiffe}.
 */
@NotImplemented("SPIFFE is not implemented yet")
public record SpiffeClientConfig(
        String workloadAPIAddr) {
}
