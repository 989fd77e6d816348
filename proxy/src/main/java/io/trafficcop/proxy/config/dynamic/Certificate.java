package io.trafficcop.proxy.config.dynamic;

/**
 * Traefik's {@code certificates[] / defaultCertificate} ({@code tls.Certificate}).
 *
 * A certificate and its key.
 *
 * <ul>
 *   <li>{@code certFile}: a path or PEM content</li>
 *   <li>{@code keyFile}: a path or PEM content</li>
 * </ul>
 */
public record Certificate(
        String certFile,
        String keyFile) {
}
