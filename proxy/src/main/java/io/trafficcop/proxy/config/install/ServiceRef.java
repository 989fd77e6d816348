package io.trafficcop.proxy.config.install;

import io.trafficcop.proxy.config.NotImplemented;

/**
 * A Kubernetes service reference.
 *
 * <p>Traefik key: {@code providers.kubernetesGateway.statusAddress.service} (Traefik's {@code gateway.ServiceRef}).
 */
@NotImplemented("provider not implemented yet; only the file provider is")
public record ServiceRef(
        String name,
        String namespace) {
}
