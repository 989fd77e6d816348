package io.trafficcop.proxy.config.install;

import java.util.List;

/**
 * TLS towards TCP backend servers; present (even empty) enables TLS.
 *
 * <p>Traefik key: {@code tcpServersTransport.tls}.
 */
public record TLSClientConfig(
        Boolean insecureSkipVerify,
        List<String> rootCAs,
        Spiffe spiffe) {
}
