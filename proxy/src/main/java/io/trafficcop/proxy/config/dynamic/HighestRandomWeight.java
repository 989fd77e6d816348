package io.trafficcop.proxy.config.dynamic;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Traefik's {@code http.services.<name>.highestRandomWeight} ({@code dynamic.HighestRandomWeight}).
 */
public record HighestRandomWeight(
        List<HrwService> services,
        ServiceHealthCheck healthCheck) {

    public HighestRandomWeight {
        // unmodifiable copies (nulls allowed, order kept): a bound configuration is never mutated
        services = services == null ? null : Collections.unmodifiableList(new ArrayList<>(services));
    }
}
