package io.trafficcop.proxy.config.install;

import io.trafficcop.proxy.config.NotImplemented;

/**
 * What the Gateway provider publishes in the Gateway status.
 *
 * <p>Traefik key: {@code providers.kubernetesGateway.statusAddress} (Traefik's {@code gateway.StatusAddress}).
 */
@NotImplemented("provider not implemented yet; only the file provider is")
public record StatusAddress(
        String ip,
        String hostname,
        ServiceRef service) {
}
