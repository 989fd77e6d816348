package io.trafficcop.proxy.config.install;

import io.trafficcop.proxy.config.GoDuration;
import io.trafficcop.proxy.config.NotImplemented;
import java.util.List;

/**
 * The ACME DNS-01 challenge; present enables it.
 *
 * <p>Traefik key: {@code certificatesResolvers.<name>.acme.dnsChallenge} (Traefik's {@code acme.DNSChallenge}).
 *
 * @param provider the lego DNS provider name
 * @param delayBeforeCheck deprecated, use propagation.delayBeforeChecks
 * @param disablePropagationCheck deprecated, use propagation.disableChecks
 */
@NotImplemented("the ACME DNS-01 challenge is not implemented")
public record DnsChallenge(
        String provider,
        List<String> resolvers,
        Propagation propagation,
        GoDuration delayBeforeCheck,
        Boolean disablePropagationCheck) {
}
