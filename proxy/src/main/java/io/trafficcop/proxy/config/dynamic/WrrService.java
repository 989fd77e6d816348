package io.trafficcop.proxy.config.dynamic;


/**
 * Traefik's {@code http.services.<name>.weighted.services[]} ({@code dynamic.WRRService}).
 */
public record WrrService(
        String name,
        Integer weight) {

    public static final Integer DEFAULT_WEIGHT = 1;

    public WrrService {
        weight = weight != null ? weight : DEFAULT_WEIGHT;
    }
}
