package io.trafficcop.proxy.config.install;


/**
 * ACME External Account Binding.
 *
 * <p>Traefik key: {@code certificatesResolvers.<name>.acme.eab} (Traefik's {@code acme.EAB}).
 */
public record Eab(
        String kid,
        String hmacEncoded) {
}
