package io.trafficcop.proxy.config.install;

import io.trafficcop.proxy.config.GoDuration;
import io.trafficcop.proxy.config.NotImplemented;

/**
 * DNS propagation checks of the DNS-01 challenge.
 *
 * <p>Traefik key: {@code certificatesResolvers.<name>.acme.dnsChallenge.propagation}
 * (Traefik's {@code acme.Propagation}).
 */
@NotImplemented("ACME is not implemented yet")
public record Propagation(
        Boolean disableChecks,
        Boolean disableANSChecks,
        Boolean requireAllRNS,
        GoDuration delayBeforeChecks) {
}
