package io.trafficcop.proxy.config.install;

import io.trafficcop.proxy.config.NotImplemented;

/**
 * A Kubernetes service reference of the Knative provider.
 * The key is {@code name}: Traefik's file loader matches Go field names (its JSON tag {@code desc} is only
 * used in JSON output).
 *
 * <p>Traefik key: {@code providers.knative.publicService, providers.knative.privateService}
 * (Traefik's {@code knative.ServiceRef}).
 */
@NotImplemented("provider not implemented yet; only the file provider is")
public record KnativeServiceRef(
        String name,
        String namespace) {
}
