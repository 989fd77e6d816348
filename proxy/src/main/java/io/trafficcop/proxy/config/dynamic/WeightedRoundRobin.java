package io.trafficcop.proxy.config.dynamic;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Traefik's {@code http.services.<name>.weighted} ({@code dynamic.WeightedRoundRobin}).
 */
public record WeightedRoundRobin(
        List<WrrService> services,
        Sticky sticky,
        ServiceHealthCheck healthCheck) {

    public WeightedRoundRobin {
        // unmodifiable copies (nulls allowed, order kept): a bound configuration is never mutated
        services = services == null ? null : Collections.unmodifiableList(new ArrayList<>(services));
    }
}
