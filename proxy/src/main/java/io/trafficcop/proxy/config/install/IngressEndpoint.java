package io.trafficcop.proxy.config.install;

import io.trafficcop.proxy.config.NotImplemented;

/**
 * What the Ingress provider publishes in the Ingress status.
 *
 * <p>Traefik key: {@code providers.kubernetesIngress.ingressEndpoint} (Traefik's {@code ingress.EndpointIngress}).
 */
@NotImplemented("provider not implemented yet; only the file provider is")
public record IngressEndpoint(
        String ip,
        String hostname,
        String publishedService) {
}
