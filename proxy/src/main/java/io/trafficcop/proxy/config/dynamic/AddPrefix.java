package io.trafficcop.proxy.config.dynamic;


/**
 * Traefik's {@code http.middlewares.<name>.addPrefix} ({@code dynamic.AddPrefix}).
 */
public record AddPrefix(
        String prefix) {
}
