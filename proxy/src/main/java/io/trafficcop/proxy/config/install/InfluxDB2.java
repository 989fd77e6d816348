package io.trafficcop.proxy.config.install;

import io.trafficcop.proxy.config.GoDuration;
import io.trafficcop.proxy.config.NotImplemented;
import java.util.Map;

/**
 * InfluxDB 2 metrics; present (even empty) enables them.
 *
 * <p>Traefik key: {@code metrics.influxDB2} (Traefik's {@code types.InfluxDB2}).
 */
@NotImplemented("observability exporters are not implemented yet")
public record InfluxDB2(
        String address,
        String token,
        GoDuration pushInterval,
        String org,
        String bucket,
        Boolean addEntryPointsLabels,
        Boolean addRoutersLabels,
        Boolean addServicesLabels,
        Map<String, String> additionalLabels) {

    public static final String DEFAULT_ADDRESS = "http://localhost:8086";
    public static final GoDuration DEFAULT_PUSH_INTERVAL = GoDuration.ofSeconds(10);
    public static final Boolean DEFAULT_ADD_ENTRY_POINTS_LABELS = Boolean.TRUE;
    public static final Boolean DEFAULT_ADD_SERVICES_LABELS = Boolean.TRUE;

    public InfluxDB2 {
        if (address == null) {
            address = DEFAULT_ADDRESS;
        }
        if (pushInterval == null) {
            pushInterval = DEFAULT_PUSH_INTERVAL;
        }
        if (addEntryPointsLabels == null) {
            addEntryPointsLabels = DEFAULT_ADD_ENTRY_POINTS_LABELS;
        }
        if (addServicesLabels == null) {
            addServicesLabels = DEFAULT_ADD_SERVICES_LABELS;
        }
    }

    /** This section as Traefik fills it when it is present but empty. */
    public static InfluxDB2 defaults() {
        return new InfluxDB2(null, null, null, null, null, null, null, null, null);
    }
}
