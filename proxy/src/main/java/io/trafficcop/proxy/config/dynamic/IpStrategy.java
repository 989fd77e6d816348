package io.trafficcop.proxy.config.dynamic;

import com.fasterxml.jackson.annotation.JsonCreator;
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
public record IpStrategy(
        Integer depth,
        List<String> excludedIPs,
        Integer ipv6Subnet) {

    public IpStrategy {
        // unmodifiable copies (nulls allowed, order kept): a bound configuration is never mutated
        excludedIPs = excludedIPs == null ? null : Collections.unmodifiableList(new ArrayList<>(excludedIPs));
    }

    /**
     * Traefik's file provider also takes a boolean for this section ({@code allowEmpty}): {@code true} is an
     * empty section (enabled, all defaults), {@code false} an absent one.
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static IpStrategy fromBoolean(boolean enabled) {
        return enabled ? new IpStrategy(null, null, null) : null;
    }
}
