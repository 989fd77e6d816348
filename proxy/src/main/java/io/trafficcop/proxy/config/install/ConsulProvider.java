package io.trafficcop.proxy.config.install;

import io.trafficcop.proxy.config.NotImplemented;
import java.util.List;

/**
 * Consul KV provider; present (even empty) enables it.
 *
 * <p>Traefik key: {@code providers.consul} (Traefik's {@code consul.ProviderBuilder}).
 */
@NotImplemented("provider not implemented yet; only the file provider is")
public record ConsulProvider(
        String rootKey,
        List<String> endpoints,
        String token,
        ClientTLS tls,
        List<String> namespaces) {

    public static final String DEFAULT_ROOT_KEY = "traefik";
    public static final List<String> DEFAULT_ENDPOINTS = List.of("127.0.0.1:8500");

    public ConsulProvider {
        if (rootKey == null) {
            rootKey = DEFAULT_ROOT_KEY;
        }
        if (endpoints == null) {
            endpoints = DEFAULT_ENDPOINTS;
        }
    }

    /** This section as Traefik fills it when it is present but empty. */
    public static ConsulProvider defaults() {
        return new ConsulProvider(null, null, null, null, null);
    }
}
