package io.trafficcop.proxy.config.install;

import io.trafficcop.proxy.config.GoDuration;
import io.trafficcop.proxy.config.NotImplemented;
import java.util.List;
import java.util.Map;

/**
 * OpenTelemetry metrics; present (even empty) enables them.
 *
 * <p>Traefik key: {@code metrics.otlp} (Traefik's {@code types.OTLP}).
 *
 * @param http always present (Traefik's default); grpc, when set, takes precedence
 */
@NotImplemented("observability exporters are not implemented yet")
public record OtlpMetrics(
        OtelGrpc grpc,
        OtelHttp http,
        Boolean addEntryPointsLabels,
        Boolean addRoutersLabels,
        Boolean addServicesLabels,
        List<Double> explicitBoundaries,
        GoDuration pushInterval,
        String serviceName,
        Map<String, String> resourceAttributes) {

    public static final OtelHttp DEFAULT_HTTP = OtelHttp.defaults();
    public static final Boolean DEFAULT_ADD_ENTRY_POINTS_LABELS = Boolean.TRUE;
    public static final Boolean DEFAULT_ADD_SERVICES_LABELS = Boolean.TRUE;
    public static final List<Double> DEFAULT_EXPLICIT_BOUNDARIES = List.of(
            0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1.0, 2.5, 5.0, 7.5, 10.0);
    public static final GoDuration DEFAULT_PUSH_INTERVAL = GoDuration.ofSeconds(10);
    public static final String DEFAULT_SERVICE_NAME = "traefik";

    public OtlpMetrics {
        if (http == null) {
            http = DEFAULT_HTTP;
        }
        if (addEntryPointsLabels == null) {
            addEntryPointsLabels = DEFAULT_ADD_ENTRY_POINTS_LABELS;
        }
        if (addServicesLabels == null) {
            addServicesLabels = DEFAULT_ADD_SERVICES_LABELS;
        }
        if (explicitBoundaries == null) {
            explicitBoundaries = DEFAULT_EXPLICIT_BOUNDARIES;
        }
        if (pushInterval == null) {
            pushInterval = DEFAULT_PUSH_INTERVAL;
        }
        if (serviceName == null) {
            serviceName = DEFAULT_SERVICE_NAME;
        }
    }

    /** This section as Traefik fills it when it is present but empty. */
    public static OtlpMetrics defaults() {
        return new OtlpMetrics(null, null, null, null, null, null, null, null, null);
    }
}
