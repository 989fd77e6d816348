package io.trafficcop.proxy.config.dynamic;


/**
 * Traefik's {@code http.services.<name>.highestRandomWeight.services[]} ({@code dynamic.HRWService}).
 */
public record HrwService(
        String name,
        Integer weight) {

    public static final Integer DEFAULT_WEIGHT = 1;

    public HrwService {
        weight = weight != null ? weight : DEFAULT_WEIGHT;
    }
}
