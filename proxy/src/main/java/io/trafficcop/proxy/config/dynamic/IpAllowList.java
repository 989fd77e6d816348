package io.trafficcop.proxy.config.dynamic;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Traefik's {@code http.middlewares.<name>.ipAllowList} ({@code dynamic.IPAllowList}).
 *
 * <ul>
 *   <li>{@code ipStrategy}: null means the client's remote address</li>
 * </ul>
 */
public record IpAllowList(
        List<String> sourceRange,
        IpStrategy ipStrategy,
        Integer rejectStatusCode) {

    public static final Integer DEFAULT_REJECT_STATUS_CODE = 403;

    public IpAllowList {
        rejectStatusCode = rejectStatusCode != null ? rejectStatusCode : DEFAULT_REJECT_STATUS_CODE;
        // unmodifiable copies (nulls allowed, order kept): a bound configuration is never mutated
        sourceRange = sourceRange == null ? null : Collections.unmodifiableList(new ArrayList<>(sourceRange));
    }
}
