package io.trafficcop.proxy.config.install;

import io.trafficcop.proxy.config.NotImplemented;
import java.util.Map;

/**
 * OpenTelemetry export of logs; present (even empty) enables it.
 *
 * <p>Traefik key: {@code log.otlp, accessLog.otlp} (Traefik's {@code types.OTelLog}).
 *
 * @param http always present (Traefik's default); grpc, when set, takes precedence
 */
@NotImplemented("observability exporters are not implemented yet")
public record OtelLog(
        String serviceName,
        Map<String, String> resourceAttributes,
        OtelGrpc grpc,
        OtelHttp http) {

    public static final String DEFAULT_SERVICE_NAME = "traefik";
    public static final OtelHttp DEFAULT_HTTP = OtelHttp.defaults();

    public OtelLog {
        if (serviceName == null) {
            serviceName = DEFAULT_SERVICE_NAME;
        }
        if (http == null) {
            http = DEFAULT_HTTP;
        }
    }

    /** This section as Traefik fills it when it is present but empty. */
    public static OtelLog defaults() {
        return new OtelLog(null, null, null, null);
    }
}
