package io.trafficcop.proxy.config.install;

import java.util.List;

/**
 * Allowed SPIFFE identities of the backends (Traefik's {@code static.Spiffe}).
 *
 * <p>Traefik key: {@code serversTransport.spiffe, tcpServersTransport.tls.spiffe}.
 */
public record Spiffe(
        List<String> ids,
        String trustDomain) {
}
