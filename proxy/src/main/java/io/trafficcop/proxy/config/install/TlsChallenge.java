package io.trafficcop.proxy.config.install;

import io.trafficcop.proxy.config.GoDuration;

/**
 * The ACME TLS-ALPN-01 challenge; present (even empty) enables it.
 *
 * <p>Traefik key: {@code certificatesResolvers.<name>.acme.tlsChallenge} (Traefik's {@code acme.TLSChallenge}).
 */
public record TlsChallenge(
        GoDuration delay) {
}
