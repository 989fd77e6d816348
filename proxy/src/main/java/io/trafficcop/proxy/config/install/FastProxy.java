package io.trafficcop.proxy.config.install;

import io.trafficcop.proxy.config.NotImplemented;

/**
 * Traefik's alternative HTTP/1 proxy implementation; present enables it.
 *
 * <p>Traefik key: {@code experimental.fastProxy} (Traefik's {@code static.FastProxyConfig}).
 */
@NotImplemented("Traefik-specific proxy implementation switch")
public record FastProxy(
        Boolean debug) {
}
