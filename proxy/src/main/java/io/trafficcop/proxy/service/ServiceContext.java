package io.trafficcop.proxy.service;

import io.trafficcop.proxy.runtime.ServersTransportSettings;
import io.trafficcop.proxy.service.healthcheck.HealthCheckRegistry;
import io.trafficcop.proxy.service.metrics.ServiceMetrics;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * What building services needs besides their configuration: the servers transports by qualified name, the
 * long-lived registries (health checkers, metrics) that outlive snapshots, and the random source (injected so tests
 * are deterministic).
 *
 * @param transports   servers transport by qualified name; null name = Traefik's default; returns null if unknown
 * @param healthChecks where active health checkers live (null: active health checks are not started)
 */
public record ServiceContext(Function<String, ServersTransportSettings> transports, HealthCheckRegistry healthChecks,
                             ServiceMetrics metrics, RandomGenerator random) {

    /** A context with the default transport only and no health checks (tests, tools). */
    public static ServiceContext basic() {
        return new ServiceContext(name -> name == null ? ServersTransportSettings.DEFAULTS : null, null,
                new ServiceMetrics(), RandomGenerator.getDefault());
    }

    public ServiceContext withHealthChecks(HealthCheckRegistry registry) {
        return new ServiceContext(transports, registry, metrics, random);
    }

    public ServiceContext withRandom(RandomGenerator value) {
        return new ServiceContext(transports, healthChecks, metrics, value);
    }

    /** The transport named {@code name} (null or empty: the default). */
    public ServersTransportSettings transport(String name) {
        String n = name == null || name.isEmpty() ? null : name;
        ServersTransportSettings t = transports.apply(n);
        if (t == null && n == null) {
            return ServersTransportSettings.DEFAULTS;
        }
        if (t == null) {
            throw new IllegalArgumentException("servers transport \"" + name + "\" not found");
        }
        return t;
    }
}
