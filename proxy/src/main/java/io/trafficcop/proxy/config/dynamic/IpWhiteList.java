package io.trafficcop.proxy.config.dynamic;

import io.trafficcop.proxy.config.NotImplemented;
import java.util.List;

/**
 * Traefik's {@code http.middlewares.<name>.ipWhiteList} ({@code dynamic.IPWhiteList}).
 *
 * Deprecated in favour of {@code ipAllowList}.
 */
@NotImplemented("middleware not implemented yet")
public record IpWhiteList(
        List<String> sourceRange,
        IpStrategy ipStrategy) {
}
