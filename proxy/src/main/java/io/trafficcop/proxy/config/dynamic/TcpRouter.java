package io.trafficcop.proxy.config.dynamic;

import io.trafficcop.proxy.config.NotImplemented;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Traefik's {@code tcp.routers.<name>} ({@code dynamic.TCPRouter}).
 *
 * <ul>
 *   <li>{@code priority}: null or 0 means the rule length; 64-bit as in Traefik</li>
 * </ul>
 */
@NotImplemented("TCP routing not implemented yet")
public record TcpRouter(
        List<String> entryPoints,
        List<String> middlewares,
        String service,
        String rule,
        String ruleSyntax,
        Long priority,
        RouterTcpTlsConfig tls) {

    public TcpRouter {
        // unmodifiable copies (nulls allowed, order kept): a bound configuration is never mutated
        entryPoints = entryPoints == null ? null : Collections.unmodifiableList(new ArrayList<>(entryPoints));
        middlewares = middlewares == null ? null : Collections.unmodifiableList(new ArrayList<>(middlewares));
    }
}
