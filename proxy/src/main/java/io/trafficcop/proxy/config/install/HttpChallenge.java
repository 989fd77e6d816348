package io.trafficcop.proxy.config.install;

import io.trafficcop.proxy.config.GoDuration;

/**
 * The ACME HTTP-01 challenge; present enables it.
 *
 * <p>Traefik key: {@code certificatesResolvers.<name>.acme.httpChallenge} (Traefik's {@code acme.HTTPChallenge}).
 */
public record HttpChallenge(
        String entryPoint,
        GoDuration delay) {
}
