package io.trafficcop.proxy.config.install;

import io.trafficcop.proxy.config.NotImplemented;

/**
 * ACME External Account Binding.
 *
 * <p>Traefik key: {@code certificatesResolvers.<name>.acme.eab} (Traefik's {@code acme.EAB}).
 */
@NotImplemented("ACME is not implemented yet")
public record Eab(
        String kid,
        String hmacEncoded) {
}
