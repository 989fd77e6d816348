package io.trafficcop.proxy.config.install;

import io.trafficcop.proxy.config.GoDuration;
import io.trafficcop.proxy.config.NotImplemented;

/**
 * The Nomad API TrafficCop talks to. Traefik's defaults come from the NOMAD_* environment.
 *
 * <p>Traefik key: {@code providers.nomad.endpoint} (Traefik's {@code nomad.EndpointConfig}).
 */
@NotImplemented("provider not implemented yet; only the file provider is")
public record NomadEndpoint(
        String address,
        String region,
        String token,
        ClientTLS tls,
        GoDuration endpointWaitTime) {

    public static final String DEFAULT_ADDRESS = "http://127.0.0.1:4646";

    public NomadEndpoint {
        if (address == null) {
            address = DEFAULT_ADDRESS;
        }
    }

    /** This section as Traefik fills it when it is present but empty. */
    public static NomadEndpoint defaults() {
        return new NomadEndpoint(null, null, null, null, null);
    }
}
