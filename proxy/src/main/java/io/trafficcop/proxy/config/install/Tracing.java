package io.trafficcop.proxy.config.install;

import io.trafficcop.proxy.config.NotImplemented;
import java.util.List;
import java.util.Map;

/**
 * Distributed tracing; present (even empty) enables it.
 *
 * <p>Traefik key: {@code tracing} (Traefik's {@code static.Tracing}).
 *
 * @param sampleRate between 0.0 and 1.0
 * @param globalAttributes deprecated alias of resourceAttributes
 */
@NotImplemented("observability exporters are not implemented yet")
public record Tracing(
        String serviceName,
        Map<String, String> resourceAttributes,
        List<String> capturedRequestHeaders,
        List<String> capturedResponseHeaders,
        List<String> safeQueryParams,
        Double sampleRate,
        Boolean addInternals,
        OtelTracing otlp,
        Map<String, String> globalAttributes) {

    public static final String DEFAULT_SERVICE_NAME = "traefik";
    public static final Double DEFAULT_SAMPLE_RATE = 1.0;
    public static final OtelTracing DEFAULT_OTLP = OtelTracing.defaults();

    public Tracing {
        if (serviceName == null) {
            serviceName = DEFAULT_SERVICE_NAME;
        }
        if (sampleRate == null) {
            sampleRate = DEFAULT_SAMPLE_RATE;
        }
        if (otlp == null) {
            otlp = DEFAULT_OTLP;
        }
    }

    /** This section as Traefik fills it when it is present but empty. */
    public static Tracing defaults() {
        return new Tracing(null, null, null, null, null, null, null, null, null);
    }
}
