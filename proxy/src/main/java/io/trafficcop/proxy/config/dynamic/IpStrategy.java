package io.trafficcop.proxy.config.dynamic;

import io.trafficcop.proxy.config.NotImplemented;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Traefik's {@code http.middlewares.<name>.*.ipStrategy} ({@code dynamic.IPStrategy}).
 *
 * <ul>
 *   <li>{@code depth}: 0 or null means not used</li>
 * </ul>
 */
@NotImplemented("middleware not implemented yet")
public record IpStrategy(
        Integer depth,
        List<String> excludedIPs,
        Integer ipv6Subnet) {

    public IpStrategy {
        // unmodifiable copies (nulls allowed, order kept): a bound configuration is never mutated
        excludedIPs = excludedIPs == null ? null : Collections.unmodifiableList(new ArrayList<>(excludedIPs));
    }
}
