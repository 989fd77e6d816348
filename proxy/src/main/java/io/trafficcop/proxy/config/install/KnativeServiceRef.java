package io.trafficcop.proxy.config.install;

import com.fasterxml.jackson.annotation.JsonAlias;
import io.trafficcop.proxy.config.NotImplemented;

/**
 * A Kubernetes service reference of the Knative provider.
 * Traefik's documented key is {@code name} (its file loader matches Go field names); the struct's
 * JSON tag says {@code desc}, which is accepted too.
 *
 * <p>Traefik key: {@code providers.knative.publicService, providers.knative.privateService}
 * (Traefik's {@code knative.ServiceRef}).
 */
@NotImplemented("provider not implemented yet; only the file provider is")
public record KnativeServiceRef(
        @JsonAlias("desc") String name,
        String namespace) {
}
