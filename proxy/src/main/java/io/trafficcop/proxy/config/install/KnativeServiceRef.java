package io.trafficcop.proxy.config.install;

import io.trafficcop.proxy.config.NotImplemented;

/**
 * A Kubernetes service reference of the Knative provider. Traefik spells the service name key {@code desc}.
 *
 * <p>Traefik key: {@code providers.knative.publicService, providers.knative.privateService} (Traefik's {@code knative.ServiceRef}).
 *
 * @param desc the service name
 */
@NotImplemented("provider not implemented yet; only the file provider is")
public record KnativeServiceRef(
        String desc,
        String namespace) {
}
