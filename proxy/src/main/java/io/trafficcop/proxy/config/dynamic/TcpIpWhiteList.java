package io.trafficcop.proxy.config.dynamic;

import io.trafficcop.proxy.config.NotImplemented;
import java.util.List;

/**
 * Traefik's {@code tcp.middlewares.<name>.ipWhiteList} ({@code dynamic.TCPIPWhiteList}).
 *
 * Deprecated in favour of {@code ipAllowList}.
 */
@NotImplemented("TCP routing not implemented yet")
public record TcpIpWhiteList(
        List<String> sourceRange) {
}
