package io.trafficcop.proxy.config.install;

import io.trafficcop.proxy.config.NotImplemented;
import java.util.List;

/**
 * Default TLS of the routers on the entry point; present (even empty) enables TLS.
 *
 * <p>Traefik key: {@code entryPoints.<name>.http.tls} (Traefik's {@code static.TLSConfig}).
 */
public record EntryPointTls(
        String options,
        @NotImplemented("ACME resolvers are not attached to routers yet") String certResolver,
        @NotImplemented("ACME resolvers are not attached to routers yet") List<Domain> domains) {
}
