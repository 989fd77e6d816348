package io.trafficcop.proxy.config.dynamic;

import io.trafficcop.proxy.config.NotImplemented;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Traefik's {@code tcp.services.<name>.weighted} ({@code dynamic.TCPWeightedRoundRobin}).
 */
@NotImplemented("TCP routing not implemented yet")
public record TcpWeightedRoundRobin(
        List<TcpWrrService> services,
        ServiceHealthCheck healthCheck) {

    public TcpWeightedRoundRobin {
        // unmodifiable copies (nulls allowed, order kept): a bound configuration is never mutated
        services = services == null ? null : Collections.unmodifiableList(new ArrayList<>(services));
    }
}
