package io.trafficcop.proxy.config.dynamic;

import io.trafficcop.proxy.config.NotImplemented;

/**
 * Traefik's {@code http.middlewares.<name>.addPrefix} ({@code dynamic.AddPrefix}).
 */
@NotImplemented("middleware not implemented yet")
public record AddPrefix(
        String prefix) {
}
