package io.trafficcop.proxy.config.install;

import java.util.List;

/**
 * Default TLS of the routers on the entry point; present (even empty) enables TLS.
 *
 * <p>Traefik key: {@code entryPoints.<name>.http.tls} (Traefik's {@code static.TLSConfig}).
 */
public record EntryPointTls(
        String options,
        String certResolver,
        List<Domain> domains) {
}
