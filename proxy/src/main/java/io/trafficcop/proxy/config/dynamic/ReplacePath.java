package io.trafficcop.proxy.config.dynamic;

import io.trafficcop.proxy.config.NotImplemented;

/**
 * Traefik's {@code http.middlewares.<name>.replacePath} ({@code dynamic.ReplacePath}).
 */
@NotImplemented("middleware not implemented yet")
public record ReplacePath(
        String path) {
}
