package io.trafficcop.proxy.config.dynamic;

/**
 * Traefik's {@code http.services.<name>.loadBalancer.servers[]} ({@code dynamic.Server}).
 */
public record Server(
        String url,
        Integer weight,
        Boolean preservePath) {

    public static final Integer DEFAULT_WEIGHT = 1;
    public static final Boolean DEFAULT_PRESERVE_PATH = Boolean.FALSE;

    public Server {
        weight = weight != null ? weight : DEFAULT_WEIGHT;
        preservePath = preservePath != null ? preservePath : DEFAULT_PRESERVE_PATH;
    }
}
