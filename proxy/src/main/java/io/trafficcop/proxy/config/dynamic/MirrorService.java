package io.trafficcop.proxy.config.dynamic;


/**
 * Traefik's {@code http.services.<name>.mirroring.mirrors[]} ({@code dynamic.MirrorService}).
 */
public record MirrorService(
        String name,
        Integer percent) {
}
