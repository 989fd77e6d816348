package io.trafficcop.proxy.config.dynamic;

import io.trafficcop.proxy.config.NotImplemented;
import java.util.List;

/**
 * Traefik's {@code tcp.serversTransports.<name>.tls} ({@code dynamic.TLSClientConfig}).
 */
@NotImplemented("TCP routing not implemented yet")
public record TlsClientConfig(
        String serverName,
        Boolean insecureSkipVerify,
        List<String> rootCAs,
        List<Certificate> certificates,
        String peerCertURI,
        List<San> peerCertSANs,
        Spiffe spiffe) {
}
