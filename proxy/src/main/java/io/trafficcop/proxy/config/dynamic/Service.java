package io.trafficcop.proxy.config.dynamic;

import io.trafficcop.proxy.config.NotImplemented;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Traefik's {@code http.services.<name>} ({@code dynamic.Service}).
 *
 * <p>Exactly one of the service kinds is expected to be set; the others stay {@code null}.
 */
public record Service(
        LoadBalancer loadBalancer,
        WeightedRoundRobin weighted,
        Mirroring mirroring,
        Failover failover,
        HighestRandomWeight highestRandomWeight,
        @NotImplemented("service-level middlewares not implemented yet") List<String> middlewares) {

    public Service {
        // unmodifiable copies (nulls allowed, order kept): a bound configuration is never mutated
        middlewares = middlewares == null ? null : Collections.unmodifiableList(new ArrayList<>(middlewares));
    }
}
