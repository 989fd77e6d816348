package io.trafficcop.proxy.config.install;

import io.trafficcop.proxy.config.NotImplemented;

/**
 * OpenTelemetry export of traces (over HTTP unless grpc is set).
 *
 * <p>Traefik key: {@code tracing.otlp} (Traefik's {@code types.OTelTracing}).
 */
@NotImplemented("observability exporters are not implemented yet")
public record OtelTracing(
        OtelGrpc grpc,
        OtelHttp http) {
}
