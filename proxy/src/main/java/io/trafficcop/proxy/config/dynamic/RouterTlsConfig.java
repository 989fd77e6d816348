package io.trafficcop.proxy.config.dynamic;

import io.trafficcop.proxy.config.NotImplemented;
import io.trafficcop.proxy.config.types.Domain;
import java.util.List;

/**
 * Traefik's {@code http.routers.<name>.tls} ({@code dynamic.RouterTLSConfig}).
 */
@NotImplemented("router TLS not implemented yet")
public record RouterTlsConfig(
        String options,
        String certResolver,
        List<Domain> domains) {
}
