package io.trafficcop.proxy.service.metrics;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The registry of every service's live numbers, keyed by qualified service name: the hook the observability work
 * publishes (Prometheus, OTLP ...) and the API reads. It outlives snapshots: a reloaded service keeps counting into the
 * same {@link ServiceStats}. Thread-safe.
 */
public final class ServiceMetrics {

    private final Map<String, ServiceStats> services = new ConcurrentHashMap<>();

    public ServiceStats service(String name) {
        return services.computeIfAbsent(name, ServiceStats::new);
    }

    /** Every service seen (read-only view). */
    public Map<String, ServiceStats> services() {
        return java.util.Collections.unmodifiableMap(services);
    }

    /** Forgets services that are no longer configured (call after a reload). */
    public void retainOnly(java.util.Collection<String> names) {
        services.keySet().retainAll(java.util.Set.copyOf(names));
    }
}
