package io.trafficcop.proxy.config.dynamic;


/**
 * Traefik's {@code tls.stores.<name>} ({@code tls.Store}).
 */
public record TlsStore(
        Certificate defaultCertificate,
        GeneratedCert defaultGeneratedCert) {
}
