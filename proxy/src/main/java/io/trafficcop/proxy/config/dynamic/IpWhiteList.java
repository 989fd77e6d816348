package io.trafficcop.proxy.config.dynamic;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Traefik's {@code http.middlewares.<name>.ipWhiteList} ({@code dynamic.IPWhiteList}).
 *
 * <p>Deprecated in favour of {@code ipAllowList}.
 */
public record IpWhiteList(
        List<String> sourceRange,
        IpStrategy ipStrategy) {

    public IpWhiteList {
        // unmodifiable copies (nulls allowed, order kept): a bound configuration is never mutated
        sourceRange = sourceRange == null ? null : Collections.unmodifiableList(new ArrayList<>(sourceRange));
    }
}
