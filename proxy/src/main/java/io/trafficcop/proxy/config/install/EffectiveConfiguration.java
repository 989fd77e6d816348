package io.trafficcop.proxy.config.install;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Completes a bound static configuration the way Traefik does after loading it (its
 * {@code Configuration.SetEffectiveConfiguration}), for the parts TrafficCop needs:
 * <ul>
 *   <li>no entry point defined: an entry point {@code http} on {@code :80};</li>
 *   <li>{@code api.insecure}, {@code ping} or {@code metrics.prometheus} served on the default entry point
 *       {@code traefik} (not manually routed), or {@code providers.rest.insecure}: an entry point
 *       {@code traefik} on {@code :8080} unless one with that name exists;</li>
 *   <li>{@code providers.precedence} lower-cased;</li>
 *   <li>deprecated {@code tracing.globalAttributes} used as {@code tracing.resourceAttributes} when the latter
 *       is not set.</li>
 * </ul>
 * Traefik's normalisations of options TrafficCop does not implement yet (Docker and Swarm client timeouts,
 * deprecated ACME DNS propagation options) are left to the changes that implement them.
 */
public final class EffectiveConfiguration {

    /** Name of the entry point Traefik creates when none is defined. */
    public static final String DEFAULT_ENTRY_POINT_NAME = "http";
    /** Address of the entry point Traefik creates when none is defined. */
    public static final String DEFAULT_ENTRY_POINT_ADDRESS = ":80";
    /** Name of Traefik's internal entry point (API, dashboard, ping, metrics). */
    public static final String INTERNAL_ENTRY_POINT_NAME = "traefik";
    /** Address of Traefik's internal entry point. */
    public static final String INTERNAL_ENTRY_POINT_ADDRESS = ":8080";

    private EffectiveConfiguration() {
    }

    /** Returns the configuration Traefik would run with; the argument is left unchanged. */
    public static StaticConfiguration of(StaticConfiguration c) {
        return new StaticConfiguration(
                c.global(),
                c.serversTransport(),
                c.tcpServersTransport(),
                entryPoints(c),
                providers(c.providers()),
                c.api(),
                c.metrics(),
                c.ping(),
                c.log(),
                c.accessLog(),
                tracing(c.tracing()),
                c.hostResolver(),
                c.certificatesResolvers(),
                c.experimental(),
                c.core(),
                c.spiffe(),
                c.ocsp());
    }

    private static Map<String, EntryPoint> entryPoints(StaticConfiguration c) {
        Map<String, EntryPoint> entryPoints = new LinkedHashMap<>(c.entryPoints());
        if (entryPoints.isEmpty()) {
            entryPoints.put(DEFAULT_ENTRY_POINT_NAME, listeningOn(DEFAULT_ENTRY_POINT_ADDRESS));
        }
        if (needsInternalEntryPoint(c)) {
            entryPoints.putIfAbsent(INTERNAL_ENTRY_POINT_NAME, listeningOn(INTERNAL_ENTRY_POINT_ADDRESS));
        }
        // Not Map.copyOf: a YAML entry point without a body binds as a null value, kept for the validator to report.
        return Collections.unmodifiableMap(entryPoints);
    }

    private static boolean needsInternalEntryPoint(StaticConfiguration c) {
        boolean insecureApi = c.api() != null && c.api().insecure();
        boolean ping = c.ping() != null && !c.ping().manualRouting()
                && INTERNAL_ENTRY_POINT_NAME.equals(c.ping().entryPoint());
        Prometheus prometheus = c.metrics() == null ? null : c.metrics().prometheus();
        boolean metrics = prometheus != null && !prometheus.manualRouting()
                && INTERNAL_ENTRY_POINT_NAME.equals(prometheus.entryPoint());
        RestProvider rest = c.providers().rest();
        boolean insecureRest = rest != null && Boolean.TRUE.equals(rest.insecure());
        return insecureApi || ping || metrics || insecureRest;
    }

    private static EntryPoint listeningOn(String address) {
        return new EntryPoint(address, null, null, null, null, null, null, null, null, null, null, null);
    }

    private static Providers providers(Providers p) {
        List<String> precedence = p.precedence().stream()
                .map(name -> name == null ? null : name.toLowerCase(Locale.ROOT))
                .toList();
        return new Providers(p.providersThrottleDuration(), precedence, p.docker(), p.swarm(), p.file(),
                p.kubernetesIngress(), p.kubernetesIngressNGINX(), p.kubernetesCRD(), p.kubernetesGateway(), p.knative(),
                p.rest(), p.consulCatalog(), p.nomad(), p.ecs(), p.consul(), p.etcd(), p.zooKeeper(), p.redis(), p.http(),
                p.plugin());
    }

    private static Tracing tracing(Tracing t) {
        if (t == null || t.globalAttributes() == null || t.resourceAttributes() != null) {
            return t;
        }
        return new Tracing(t.serviceName(), t.globalAttributes(), t.capturedRequestHeaders(),
                t.capturedResponseHeaders(), t.safeQueryParams(), t.sampleRate(), t.addInternals(), t.otlp(),
                t.globalAttributes());
    }
}
