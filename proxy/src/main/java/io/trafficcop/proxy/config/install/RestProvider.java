package io.trafficcop.proxy.config.install;

import io.trafficcop.proxy.config.NotImplemented;

/**
 * REST provider (PUT dynamic configuration through the API); present (even empty) enables it.
 *
 * <p>Traefik key: {@code providers.rest} (Traefik's {@code rest.Provider}).
 */
@NotImplemented("provider not implemented yet; only the file provider is")
public record RestProvider(
        Boolean insecure) {
}
