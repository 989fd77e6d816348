package io.trafficcop.proxy.config.install;

import io.trafficcop.proxy.config.NotImplemented;
import java.util.Map;

/**
 * OpenTelemetry export of logs; present (even empty) enables it.
 *
 * <p>Traefik key: {@code log.otlp, accessLog.otlp} (Traefik's {@code types.OTelLog}).
 */
@NotImplemented("observability exporters are not implemented yet")
public record OtelLog(
        String serviceName,
        Map<String, String> resourceAttributes,
        OtelGrpc grpc,
        OtelHttp http) {

    public static final String DEFAULT_SERVICE_NAME = "traefik";

    public OtelLog {
        if (serviceName == null) {
            serviceName = DEFAULT_SERVICE_NAME;
        }
    }
}
