package io.trafficcop.proxy.config.install;

import io.trafficcop.proxy.config.NotImplemented;
import java.util.Map;

/**
 * OpenTelemetry export over gRPC; present (even empty) selects gRPC.
 *
 * <p>Traefik key: {@code ...otlp.grpc} (Traefik's {@code types.OTelGRPC}).
 */
@NotImplemented("observability exporters are not implemented yet")
public record OtelGrpc(
        String endpoint,
        Boolean insecure,
        ClientTLS tls,
        Map<String, String> headers) {

    public static final String DEFAULT_ENDPOINT = "localhost:4317";

    public OtelGrpc {
        if (endpoint == null) {
            endpoint = DEFAULT_ENDPOINT;
        }
    }

    /** This section as Traefik fills it when it is present but empty. */
    public static OtelGrpc defaults() {
        return new OtelGrpc(null, null, null, null);
    }
}
