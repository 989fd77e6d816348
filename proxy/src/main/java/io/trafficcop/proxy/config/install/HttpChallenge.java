package io.trafficcop.proxy.config.install;

import io.trafficcop.proxy.config.GoDuration;
import io.trafficcop.proxy.config.NotImplemented;

/**
 * The ACME HTTP-01 challenge; present enables it.
 *
 * <p>Traefik key: {@code certificatesResolvers.<name>.acme.httpChallenge} (Traefik's {@code acme.HTTPChallenge}).
 */
@NotImplemented("ACME is not implemented yet")
public record HttpChallenge(
        String entryPoint,
        GoDuration delay) {
}
