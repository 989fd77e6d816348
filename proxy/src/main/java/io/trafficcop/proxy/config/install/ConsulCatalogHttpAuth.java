package io.trafficcop.proxy.config.install;

import io.trafficcop.proxy.config.NotImplemented;

/**
 * HTTP basic auth towards Consul.
 *
 * <p>Traefik key: {@code providers.consulCatalog.endpoint.httpAuth}
 * (Traefik's {@code consulcatalog.EndpointHTTPAuthConfig}).
 */
@NotImplemented("provider not implemented yet; only the file provider is")
public record ConsulCatalogHttpAuth(
        String username,
        String password) {
}
