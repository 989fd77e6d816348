package io.trafficcop.proxy.config.dynamic;

import io.trafficcop.proxy.config.NotImplemented;

/**
 * Traefik's {@code http.middlewares.<name>.replacePathRegex} ({@code dynamic.ReplacePathRegex}).
 */
@NotImplemented("middleware not implemented yet")
public record ReplacePathRegex(
        String regex,
        String replacement) {
}
