package io.trafficcop.proxy.config.install;

import io.trafficcop.proxy.config.NotImplemented;

/**
 * OpenTelemetry export of traces (over HTTP unless grpc is set).
 *
 * <p>Traefik key: {@code tracing.otlp} (Traefik's {@code types.OTelTracing}).
 *
 * @param http always present (Traefik's default); grpc, when set, takes precedence
 */
@NotImplemented("observability exporters are not implemented yet")
public record OtelTracing(
        OtelGrpc grpc,
        OtelHttp http) {

    public static final OtelHttp DEFAULT_HTTP = OtelHttp.defaults();

    public OtelTracing {
        if (http == null) {
            http = DEFAULT_HTTP;
        }
    }

    /** This section as Traefik fills it when it is present but empty. */
    public static OtelTracing defaults() {
        return new OtelTracing(null, null);
    }
}
