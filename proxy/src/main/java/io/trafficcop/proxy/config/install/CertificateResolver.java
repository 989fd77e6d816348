package io.trafficcop.proxy.config.install;


/**
 * A named certificate resolver.
 *
 * <p>Traefik key: {@code certificatesResolvers.<name>} (Traefik's {@code static.CertificateResolver}).
 */
public record CertificateResolver(
        Acme acme,
        Tailscale tailscale) {
}
