package io.trafficcop.proxy.config.install;

import io.trafficcop.proxy.config.NotImplemented;
import java.util.List;

/**
 * Redis KV provider; present (even empty) enables it.
 *
 * <p>Traefik key: {@code providers.redis} (Traefik's {@code redis.Provider}).
 */
@NotImplemented("provider not implemented yet; only the file provider is")
public record RedisProvider(
        String rootKey,
        List<String> endpoints,
        ClientTLS tls,
        String username,
        String password,
        Integer db,
        RedisSentinel sentinel) {

    public static final String DEFAULT_ROOT_KEY = "traefik";
    public static final List<String> DEFAULT_ENDPOINTS = List.of("127.0.0.1:6379");

    public RedisProvider {
        if (rootKey == null) {
            rootKey = DEFAULT_ROOT_KEY;
        }
        if (endpoints == null) {
            endpoints = DEFAULT_ENDPOINTS;
        }
    }

    /** This section as Traefik fills it when it is present but empty. */
    public static RedisProvider defaults() {
        return new RedisProvider(null, null, null, null, null, null, null);
    }
}
