package io.trafficcop.proxy.config.dynamic;

import io.trafficcop.proxy.config.NotImplemented;

/**
 * Traefik's {@code http.serversTransports.<name>.peerCertSANs[]} ({@code tls.SAN}).
 *
 * <ul>
 *   <li>{@code type}: {@code DNSName} or {@code URI}</li>
 * </ul>
 */
@NotImplemented("upstream TLS not implemented yet")
public record San(
        String type,
        String value) {
}
