package io.trafficcop.proxy.config.dynamic;

import io.trafficcop.proxy.config.NotImplemented;
import java.util.Map;

/**
 * Traefik's {@code udp} ({@code dynamic.UDPConfiguration}).
 */
@NotImplemented("UDP routing not implemented yet")
public record UdpConfiguration(
        Map<String, UdpRouter> routers,
        Map<String, UdpService> services) {
}
