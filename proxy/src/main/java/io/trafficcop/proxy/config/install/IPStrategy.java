package io.trafficcop.proxy.config.install;

import io.trafficcop.proxy.config.NotImplemented;
import java.util.List;

/**
 * How the client IP is chosen (Traefik's {@code dynamic.IPStrategy}).
 *
 * <p>Traefik key: {@code providers.kubernetesIngressNGINX.ipAllowListStrategy}
 * (Traefik's {@code dynamic.IPStrategy}).
 */
@NotImplemented("provider not implemented yet; only the file provider is")
public record IPStrategy(
        Integer depth,
        List<String> excludedIPs,
        Integer ipv6Subnet) {
}
