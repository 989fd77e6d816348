package io.trafficcop.proxy.config.dynamic;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * Traefik's {@code http.services.<name>.{loadBalancer,weighted}.sticky} ({@code dynamic.Sticky}).
 */
public record Sticky(
        Cookie cookie) {

    /**
     * Traefik's file provider also takes a boolean for this section ({@code allowEmpty}): {@code true} is an
     * empty section (enabled, all defaults), {@code false} an absent one.
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Sticky fromBoolean(boolean enabled) {
        return enabled ? new Sticky(null) : null;
    }
}
