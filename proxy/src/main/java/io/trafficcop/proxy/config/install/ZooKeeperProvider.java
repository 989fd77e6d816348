package io.trafficcop.proxy.config.install;

import io.trafficcop.proxy.config.NotImplemented;
import java.util.List;

/**
 * ZooKeeper KV provider; present (even empty) enables it.
 *
 * <p>Traefik key: {@code providers.zooKeeper} (Traefik's {@code zk.Provider}).
 */
@NotImplemented("provider not implemented yet; only the file provider is")
public record ZooKeeperProvider(
        String rootKey,
        List<String> endpoints,
        String username,
        String password) {

    public static final String DEFAULT_ROOT_KEY = "traefik";
    public static final List<String> DEFAULT_ENDPOINTS = List.of("127.0.0.1:2181");

    public ZooKeeperProvider {
        if (rootKey == null) {
            rootKey = DEFAULT_ROOT_KEY;
        }
        if (endpoints == null) {
            endpoints = DEFAULT_ENDPOINTS;
        }
    }

    /** This section as Traefik fills it when it is present but empty. */
    public static ZooKeeperProvider defaults() {
        return new ZooKeeperProvider(null, null, null, null);
    }
}
