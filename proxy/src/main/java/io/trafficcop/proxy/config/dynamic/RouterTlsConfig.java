package io.trafficcop.proxy.config.dynamic;

import io.trafficcop.proxy.config.NotImplemented;
import io.trafficcop.proxy.config.types.Domain;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Traefik's {@code http.routers.<name>.tls} ({@code dynamic.RouterTLSConfig}).
 */
@NotImplemented("router TLS not implemented yet")
public record RouterTlsConfig(
        String options,
        String certResolver,
        List<Domain> domains) {

    public RouterTlsConfig {
        // unmodifiable copies (nulls allowed, order kept): a bound configuration is never mutated
        domains = domains == null ? null : Collections.unmodifiableList(new ArrayList<>(domains));
    }
}
