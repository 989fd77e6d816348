package io.trafficcop.proxy.config.install;

import io.trafficcop.proxy.config.NotImplemented;

/**
 * TrafficCop's own log.
 *
 * <p>Traefik key: {@code log} (Traefik's {@code types.TraefikLog}).
 *
 * @param level TRACE, DEBUG, INFO, WARN, ERROR, FATAL or PANIC
 * @param format common or json
 * @param filePath absent logs to standard output
 * @param maxSize megabytes before rotation
 */
public record Log(
        String level,
        String format,
        Boolean noColor,
        String filePath,
        @NotImplemented("log rotation is not implemented yet") Integer maxSize,
        @NotImplemented("log rotation is not implemented yet") Integer maxAge,
        @NotImplemented("log rotation is not implemented yet") Integer maxBackups,
        @NotImplemented("log rotation is not implemented yet") Boolean compress,
        @NotImplemented("OpenTelemetry logs are not implemented yet") OtelLog otlp) {

    public static final String DEFAULT_LEVEL = "ERROR";
    public static final String DEFAULT_FORMAT = "common";
    public static final Boolean DEFAULT_NO_COLOR = Boolean.FALSE;

    public Log {
        if (level == null) {
            level = DEFAULT_LEVEL;
        }
        if (format == null) {
            format = DEFAULT_FORMAT;
        }
        if (noColor == null) {
            noColor = DEFAULT_NO_COLOR;
        }
    }

    /** This section as Traefik fills it when it is present but empty. */
    public static Log defaults() {
        return new Log(null, null, null, null, null, null, null, null, null);
    }
}
