package io.trafficcop.proxy.config.dynamic;

import java.util.ArrayList;
import java.util.Collections;
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
public record CertAndStores(
        String certFile,
        String keyFile,
        List<String> stores) {

    public CertAndStores {
        // unmodifiable copies (nulls allowed, order kept): a bound configuration is never mutated
        stores = stores == null ? null : Collections.unmodifiableList(new ArrayList<>(stores));
    }
}
