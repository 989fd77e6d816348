package io.trafficcop.proxy.config.install;

import java.util.Map;

/**
 * Which request headers are written to the access log.
 *
 * <p>Traefik key: {@code accessLog.fields.headers} (Traefik's {@code types.FieldHeaders}).
 *
 * @param defaultMode keep, drop or redact
 */
public record FieldHeaders(
        String defaultMode,
        Map<String, String> names) {

    public static final String DEFAULT_DEFAULT_MODE = "drop";

    public FieldHeaders {
        if (defaultMode == null) {
            defaultMode = DEFAULT_DEFAULT_MODE;
        }
    }

    /** This section as Traefik fills it when it is present but empty. */
    public static FieldHeaders defaults() {
        return new FieldHeaders(null, null);
    }
}
