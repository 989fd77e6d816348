package io.trafficcop.proxy.config.dynamic;


/**
 * Traefik's {@code http.serversTransports.<name>.peerCertSANs[]} ({@code tls.SAN}).
 *
 * <ul>
 *   <li>{@code type}: {@code DNSName} or {@code URI}</li>
 * </ul>
 */
public record San(
        String type,
        String value) {
}
