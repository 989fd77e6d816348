package io.trafficcop.proxy.config.install;

import io.trafficcop.proxy.config.NotImplemented;
import java.util.Map;

/**
 * OpenTelemetry export over HTTP; present (even empty) selects HTTP.
 *
 * <p>Traefik key: {@code ...otlp.http} (Traefik's {@code types.OTelHTTP}).
 */
@NotImplemented("observability exporters are not implemented yet")
public record OtelHttp(
        String endpoint,
        ClientTLS tls,
        Map<String, String> headers) {

    public static final String DEFAULT_ENDPOINT = "https://localhost:4318";

    public OtelHttp {
        if (endpoint == null) {
            endpoint = DEFAULT_ENDPOINT;
        }
    }

    /** This section as Traefik fills it when it is present but empty. */
    public static OtelHttp defaults() {
        return new OtelHttp(null, null, null);
    }
}
