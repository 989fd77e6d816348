package io.trafficcop.proxy.config.dynamic;

import io.trafficcop.proxy.config.types.Domain;

/**
 * Traefik's {@code tls.stores.<name>.defaultGeneratedCert} ({@code tls.GeneratedCert}).
 */
public record GeneratedCert(
        String resolver,
        Domain domain) {
}
