package io.trafficcop.proxy.config.dynamic;

import io.trafficcop.proxy.config.NotImplemented;
import java.util.List;

/**
 * Traefik's {@code tcp.middlewares.<name>.ipAllowList} ({@code dynamic.TCPIPAllowList}).
 */
@NotImplemented("TCP routing not implemented yet")
public record TcpIpAllowList(
        List<String> sourceRange) {
}
