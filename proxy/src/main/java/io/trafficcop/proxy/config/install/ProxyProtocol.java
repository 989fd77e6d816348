package io.trafficcop.proxy.config.install;

import java.util.List;

/**
 * Accept the PROXY protocol header from the listed peers; present (even empty) enables it.
 *
 * <p>Traefik key: {@code entryPoints.<name>.proxyProtocol}.
 */
public record ProxyProtocol(
        Boolean insecure,
        List<String> trustedIPs) {
}
