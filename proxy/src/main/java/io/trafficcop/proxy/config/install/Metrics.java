package io.trafficcop.proxy.config.install;

import io.trafficcop.proxy.config.NotImplemented;

/**
 * Metrics exporters.
 *
 * <p>Traefik key: {@code metrics} (Traefik's {@code types.Metrics}).
 */
@NotImplemented("observability exporters are not implemented yet")
public record Metrics(
        Boolean addInternals,
        Prometheus prometheus,
        Datadog datadog,
        Statsd statsD,
        InfluxDB2 influxDB2,
        OtlpMetrics otlp) {
}
