package io.trafficcop.proxy.config.install;

import io.trafficcop.proxy.config.NotImplemented;

/**
 * Tailscale certificate resolution; present (it has no keys) enables it.
 *
 * <p>Traefik key: {@code certificatesResolvers.<name>.tailscale} (Traefik's {@code struct{}}).
 */
@NotImplemented("Tailscale is not implemented yet")
public record Tailscale() {
}
