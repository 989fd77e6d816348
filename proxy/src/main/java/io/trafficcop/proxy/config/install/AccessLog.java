package io.trafficcop.proxy.config.install;

import io.trafficcop.proxy.config.NotImplemented;

/**
 * The access log; present (even empty) enables it.
 *
 * <p>Traefik key: {@code accessLog} (Traefik's {@code types.AccessLog}).
 *
 * @param format common, genericCLF or json
 */
public record AccessLog(
        String filePath,
        String format,
        AccessLogFilters filters,
        AccessLogFields fields,
        Long bufferingSize,
        Boolean addInternals,
        @NotImplemented("OpenTelemetry logs are not implemented yet") Boolean dualOutput,
        @NotImplemented("OpenTelemetry logs are not implemented yet") OtelLog otlp) {

    public static final String DEFAULT_FORMAT = "common";
    public static final AccessLogFilters DEFAULT_FILTERS = AccessLogFilters.defaults();
    public static final AccessLogFields DEFAULT_FIELDS = AccessLogFields.defaults();

    public AccessLog {
        if (format == null) {
            format = DEFAULT_FORMAT;
        }
        if (filters == null) {
            filters = DEFAULT_FILTERS;
        }
        if (fields == null) {
            fields = DEFAULT_FIELDS;
        }
    }

    /** This section as Traefik fills it when it is present but empty. */
    public static AccessLog defaults() {
        return new AccessLog(null, null, null, null, null, null, null, null);
    }
}
