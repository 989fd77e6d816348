package io.trafficcop.proxy.config.dynamic;

/**
 * Traefik's {@code http.serversTransports.<name>.certificates[]} ({@code tls.Certificate}).
 *
 * <p>A certificate and its key; also {@code tls.stores.<name>.defaultCertificate} and
 * {@code tcp.serversTransports.<name>.tls.certificates[]}.
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
