package io.trafficcop.proxy.config.install;

import io.trafficcop.proxy.config.NotImplemented;
import java.util.List;
import java.util.Map;

/**
 * Prometheus metrics; present (even empty) enables them.
 *
 * <p>Traefik key: {@code metrics.prometheus} (Traefik's {@code types.Prometheus}).
 */
@NotImplemented("observability exporters are not implemented yet")
public record Prometheus(
        List<Double> buckets,
        Boolean addEntryPointsLabels,
        Boolean addRoutersLabels,
        Boolean addServicesLabels,
        String entryPoint,
        Boolean manualRouting,
        Map<String, String> headerLabels) {

    public static final List<Double> DEFAULT_BUCKETS = List.of(0.1, 0.3, 1.2, 5.0);
    public static final Boolean DEFAULT_ADD_ENTRY_POINTS_LABELS = Boolean.TRUE;
    public static final Boolean DEFAULT_ADD_ROUTERS_LABELS = Boolean.FALSE;
    public static final Boolean DEFAULT_ADD_SERVICES_LABELS = Boolean.TRUE;
    public static final String DEFAULT_ENTRY_POINT = "traefik";
    public static final Boolean DEFAULT_MANUAL_ROUTING = Boolean.FALSE;

    public Prometheus {
        if (buckets == null) {
            buckets = DEFAULT_BUCKETS;
        }
        if (addEntryPointsLabels == null) {
            addEntryPointsLabels = DEFAULT_ADD_ENTRY_POINTS_LABELS;
        }
        if (addRoutersLabels == null) {
            addRoutersLabels = DEFAULT_ADD_ROUTERS_LABELS;
        }
        if (addServicesLabels == null) {
            addServicesLabels = DEFAULT_ADD_SERVICES_LABELS;
        }
        if (entryPoint == null) {
            entryPoint = DEFAULT_ENTRY_POINT;
        }
        if (manualRouting == null) {
            manualRouting = DEFAULT_MANUAL_ROUTING;
        }
    }

    /** This section as Traefik fills it when it is present but empty. */
    public static Prometheus defaults() {
        return new Prometheus(null, null, null, null, null, null, null);
    }
}
