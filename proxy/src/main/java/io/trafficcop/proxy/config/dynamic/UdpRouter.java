package io.trafficcop.proxy.config.dynamic;

import io.trafficcop.proxy.config.NotImplemented;
import java.util.List;

/**
 * Traefik's {@code udp.routers.<name>} ({@code dynamic.UDPRouter}).
 */
@NotImplemented("UDP routing not implemented yet")
public record UdpRouter(
        List<String> entryPoints,
        String service) {
}
