package io.trafficcop.proxy.config.dynamic;

import io.trafficcop.proxy.config.NotImplemented;

/**
 * Traefik's {@code http.services.<name>.mirroring.mirrors[]} ({@code dynamic.MirrorService}).
 */
@NotImplemented("mirroring services not implemented yet")
public record MirrorService(
        String name,
        Integer percent) {
}
