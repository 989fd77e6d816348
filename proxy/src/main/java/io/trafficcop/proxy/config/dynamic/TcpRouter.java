package io.trafficcop.proxy.config.dynamic;

import io.trafficcop.proxy.config.NotImplemented;
import java.util.List;

/**
 * Traefik's {@code tcp.routers.<name>} ({@code dynamic.TCPRouter}).
 */
@NotImplemented("TCP routing not implemented yet")
public record TcpRouter(
        List<String> entryPoints,
        List<String> middlewares,
        String service,
        String rule,
        String ruleSyntax,
        Integer priority,
        RouterTcpTlsConfig tls) {
}
