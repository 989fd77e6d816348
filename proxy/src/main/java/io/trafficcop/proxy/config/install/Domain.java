package io.trafficcop.proxy.config.install;

import java.util.List;

/**
 * A certificate's main domain and its subject alternative names (Traefik's {@code types.Domain}).
 *
 * <p>Traefik key: {@code entryPoints.<name>.http.tls.domains[]}.
 */
public record Domain(
        String main,
        List<String> sans) {
}
