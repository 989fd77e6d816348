package io.trafficcop.proxy.config.install;

import io.trafficcop.proxy.config.NotImplemented;

/**
 * Redis Sentinel settings of the Redis provider.
 *
 * <p>Traefik key: {@code providers.redis.sentinel} (Traefik's {@code redis.Sentinel}).
 */
@NotImplemented("provider not implemented yet; only the file provider is")
public record RedisSentinel(
        String masterName,
        String username,
        String password,
        Boolean latencyStrategy,
        Boolean randomStrategy,
        Boolean replicaStrategy,
        Boolean useDisconnectedReplicas) {
}
