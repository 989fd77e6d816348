package io.trafficcop.proxy.config.dynamic;

import io.trafficcop.proxy.config.NotImplemented;
import java.util.List;

/**
 * Traefik's {@code tls.certificates[]} ({@code tls.CertAndStores}).
 *
 * <ul>
 *   <li>{@code certFile}: a path or PEM content</li>
 *   <li>{@code keyFile}: a path or PEM content</li>
 *   <li>{@code stores}: null means the {@code default} store</li>
 * </ul>
 */
@NotImplemented("TLS certificates/options/stores not implemented yet")
public record CertAndStores(
        String certFile,
        String keyFile,
        List<String> stores) {
}
