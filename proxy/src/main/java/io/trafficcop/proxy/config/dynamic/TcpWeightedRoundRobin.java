package io.trafficcop.proxy.config.dynamic;

import io.trafficcop.proxy.config.NotImplemented;
import java.util.List;

/**
 * Traefik's {@code tcp.services.<name>.weighted} ({@code dynamic.TCPWeightedRoundRobin}).
 */
@NotImplemented("TCP routing not implemented yet")
public record TcpWeightedRoundRobin(
        List<TcpWrrService> services,
        ServiceHealthCheck healthCheck) {
}
