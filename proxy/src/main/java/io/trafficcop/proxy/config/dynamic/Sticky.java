package io.trafficcop.proxy.config.dynamic;

import io.trafficcop.proxy.config.NotImplemented;

/**
 * Traefik's {@code http.services.<name>.{loadBalancer,weighted}.sticky} ({@code dynamic.Sticky}).
 */
@NotImplemented("sticky sessions not implemented yet")
public record Sticky(
        Cookie cookie) {
}
