package io.trafficcop.proxy.config.dynamic;

import io.trafficcop.proxy.config.NotImplemented;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Traefik's {@code tcp.middlewares.<name>.ipWhiteList} ({@code dynamic.TCPIPWhiteList}).
 *
 * <p>Deprecated in favour of {@code ipAllowList}.
 */
@NotImplemented("TCP routing not implemented yet")
public record TcpIpWhiteList(
        List<String> sourceRange) {

    public TcpIpWhiteList {
        // unmodifiable copies (nulls allowed, order kept): a bound configuration is never mutated
        sourceRange = sourceRange == null ? null : Collections.unmodifiableList(new ArrayList<>(sourceRange));
    }
}
