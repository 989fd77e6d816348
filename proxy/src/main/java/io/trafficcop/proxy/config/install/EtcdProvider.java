package io.trafficcop.proxy.config.install;

import io.trafficcop.proxy.config.NotImplemented;
import java.util.List;

/**
 * etcd KV provider; present (even empty) enables it.
 *
 * <p>Traefik key: {@code providers.etcd} (Traefik's {@code etcd.Provider}).
 */
@NotImplemented("provider not implemented yet; only the file provider is")
public record EtcdProvider(
        String rootKey,
        List<String> endpoints,
        ClientTLS tls,
        String username,
        String password) {

    public static final String DEFAULT_ROOT_KEY = "traefik";
    public static final List<String> DEFAULT_ENDPOINTS = List.of("127.0.0.1:2379");

    public EtcdProvider {
        if (rootKey == null) {
            rootKey = DEFAULT_ROOT_KEY;
        }
        if (endpoints == null) {
            endpoints = DEFAULT_ENDPOINTS;
        }
    }

    /** This section as Traefik fills it when it is present but empty. */
    public static EtcdProvider defaults() {
        return new EtcdProvider(null, null, null, null, null);
    }
}
