package io.trafficcop.proxy.config.install;

import io.trafficcop.proxy.config.GoDuration;
import io.trafficcop.proxy.config.NotImplemented;

/**
 * StatsD metrics; present (even empty) enables them.
 *
 * <p>Traefik key: {@code metrics.statsD} (Traefik's {@code types.Statsd}).
 */
@NotImplemented("observability exporters are not implemented yet")
public record Statsd(
        String address,
        GoDuration pushInterval,
        Boolean addEntryPointsLabels,
        Boolean addRoutersLabels,
        Boolean addServicesLabels,
        String prefix) {

    public static final String DEFAULT_ADDRESS = "localhost:8125";
    public static final GoDuration DEFAULT_PUSH_INTERVAL = GoDuration.ofSeconds(10);
    public static final Boolean DEFAULT_ADD_ENTRY_POINTS_LABELS = Boolean.TRUE;
    public static final Boolean DEFAULT_ADD_SERVICES_LABELS = Boolean.TRUE;
    public static final String DEFAULT_PREFIX = "traefik";

    public Statsd {
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
        if (prefix == null) {
            prefix = DEFAULT_PREFIX;
        }
    }

    /** This section as Traefik fills it when it is present but empty. */
    public static Statsd defaults() {
        return new Statsd(null, null, null, null, null, null);
    }
}
