package io.trafficcop.proxy.config.dynamic;

import io.trafficcop.proxy.config.NotImplemented;
import java.util.List;
import java.util.Map;

/**
 * Traefik's {@code tls} ({@code dynamic.TLSConfiguration}).
 */
@NotImplemented("TLS certificates/options/stores not implemented yet")
public record TlsConfiguration(
        List<CertAndStores> certificates,
        Map<String, TlsOptions> options,
        Map<String, TlsStore> stores) {
}
