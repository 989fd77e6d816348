package io.trafficcop.proxy.config.dynamic;

import io.trafficcop.proxy.config.NotImplemented;

/**
 * Traefik's {@code tls.stores.<name>} ({@code tls.Store}).
 */
@NotImplemented("TLS certificates/options/stores not implemented yet")
public record TlsStore(
        Certificate defaultCertificate,
        GeneratedCert defaultGeneratedCert) {
}
