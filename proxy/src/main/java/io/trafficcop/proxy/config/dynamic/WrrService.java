package io.trafficcop.proxy.config.dynamic;

import io.trafficcop.proxy.config.NotImplemented;

/**
 * Traefik's {@code http.services.<name>.weighted.services[]} ({@code dynamic.WRRService}).
 */
@NotImplemented("weighted services not implemented yet")
public record WrrService(
        String name,
        Integer weight) {

    public static final Integer DEFAULT_WEIGHT = 1;

    public WrrService {
        weight = weight != null ? weight : DEFAULT_WEIGHT;
    }
}
