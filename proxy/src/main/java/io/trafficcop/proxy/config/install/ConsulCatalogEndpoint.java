package io.trafficcop.proxy.config.install;

import io.trafficcop.proxy.config.GoDuration;
import io.trafficcop.proxy.config.NotImplemented;

/**
 * The Consul agent TrafficCop talks to.
 *
 * <p>Traefik key: {@code providers.consulCatalog.endpoint} (Traefik's {@code consulcatalog.EndpointConfig}).
 */
@NotImplemented("provider not implemented yet; only the file provider is")
public record ConsulCatalogEndpoint(
        String address,
        String scheme,
        String datacenter,
        String token,
        ClientTLS tls,
        ConsulCatalogHttpAuth httpAuth,
        GoDuration endpointWaitTime) {

    /** This section as Traefik fills it when it is present but empty. */
    public static ConsulCatalogEndpoint defaults() {
        return new ConsulCatalogEndpoint(null, null, null, null, null, null, null);
    }
}
