package io.trafficcop.proxy.runtime.compile;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.trafficcop.proxy.middleware.ratelimit.RateLimitRegistry;
import io.trafficcop.proxy.service.healthcheck.HealthCheckRegistry;
import io.trafficcop.proxy.service.metrics.ServiceMetrics;
import io.trafficcop.proxy.tls.TlsAlpnChallengeCertificates;

/**
 * The state that outlives snapshots: health checkers, service metrics, rate-limit buckets, pending TLS-ALPN-01
 * challenge certificates. Each registry
 * hands an unchanged object's state to the next snapshot and drops what is no longer configured.
 */
public record RuntimeRegistries(HealthCheckRegistry healthChecks, ServiceMetrics serviceMetrics,
        RateLimitRegistry rateLimits, TlsAlpnChallengeCertificates tlsChallenges) implements AutoCloseable {

    public static RuntimeRegistries create(EventLoopGroup group, Class<? extends SocketChannel> channelType) {
        return new RuntimeRegistries(group == null ? null : new HealthCheckRegistry(group, channelType),
                new ServiceMetrics(), new RateLimitRegistry(), new TlsAlpnChallengeCertificates());
    }

    /** Registries without health checking (tests, validation). */
    public static RuntimeRegistries withoutHealthChecks() {
        return new RuntimeRegistries(null, new ServiceMetrics(), new RateLimitRegistry(), new TlsAlpnChallengeCertificates());
    }

    @Override
    public void close() {
        if (healthChecks != null) {
            healthChecks.close();
        }
    }
}
