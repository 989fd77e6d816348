package io.trafficcop.proxy.config.install;

import io.trafficcop.proxy.config.NotImplemented;

/**
 * A named certificate resolver.
 *
 * <p>Traefik key: {@code certificatesResolvers.<name>} (Traefik's {@code static.CertificateResolver}).
 */
@NotImplemented("certificate resolvers are not implemented yet")
public record CertificateResolver(
        Acme acme,
        Tailscale tailscale) {
}
