package io.trafficcop.proxy.config.dynamic;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * TrafficCop's {@code http.middlewares.<name>.ipDenyList} (an extension, not in Traefik): the mirror of
 * {@code ipAllowList} — clients whose IP is in {@code sourceRange} are rejected, the others pass.
 *
 * <ul>
 *   <li>{@code ipStrategy}: null means the client's remote address</li>
 *   <li>{@code rejectStatusCode}: default 403</li>
 * </ul>
 */
public record IpDenyList(
        List<String> sourceRange,
        IpStrategy ipStrategy,
        Integer rejectStatusCode) {

    public static final Integer DEFAULT_REJECT_STATUS_CODE = 403;

    public IpDenyList {
        rejectStatusCode = rejectStatusCode != null ? rejectStatusCode : DEFAULT_REJECT_STATUS_CODE;
        // unmodifiable copies (nulls allowed, order kept): a bound configuration is never mutated
        sourceRange = sourceRange == null ? null : Collections.unmodifiableList(new ArrayList<>(sourceRange));
    }
}
