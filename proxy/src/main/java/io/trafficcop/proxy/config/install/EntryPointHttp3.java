package io.trafficcop.proxy.config.install;

import io.trafficcop.proxy.config.NotImplemented;

/**
 * HTTP/3 on an entry point; present (even empty) enables it.
 *
 * <p>Traefik key: {@code entryPoints.<name>.http3} (Traefik's {@code static.HTTP3Config}).
 */
@NotImplemented("HTTP/3 is not implemented yet")
public record EntryPointHttp3(
        Integer advertisedPort) {
}
