package io.trafficcop.proxy.config.dynamic;


/**
 * Traefik's {@code http.middlewares.<name>.replacePathRegex} ({@code dynamic.ReplacePathRegex}).
 */
public record ReplacePathRegex(
        String regex,
        String replacement) {
}
