package io.trafficcop.proxy.config.dynamic;


/**
 * Traefik's {@code http.middlewares.<name>.replacePath} ({@code dynamic.ReplacePath}).
 */
public record ReplacePath(
        String path) {
}
