package io.trafficcop.proxy.config.dynamic;

import io.trafficcop.proxy.config.NotImplemented;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Traefik's {@code tcp.services.<name>.loadBalancer} ({@code dynamic.TCPServersLoadBalancer}).
 *
 * <ul>
 *   <li>{@code proxyProtocol}: deprecated, use the servers transport</li>
 *   <li>{@code terminationDelay}: deprecated, in milliseconds; use the servers transport</li>
 * </ul>
 */
@NotImplemented("TCP routing not implemented yet")
public record TcpLoadBalancer(
        List<TcpServer> servers,
        String serversTransport,
        ProxyProtocol proxyProtocol,
        Integer terminationDelay,
        TcpHealthCheck healthCheck) {

    public TcpLoadBalancer {
        // unmodifiable copies (nulls allowed, order kept): a bound configuration is never mutated
        servers = servers == null ? null : Collections.unmodifiableList(new ArrayList<>(servers));
    }
}
