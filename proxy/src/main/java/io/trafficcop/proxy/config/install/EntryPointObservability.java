package io.trafficcop.proxy.config.install;

import io.trafficcop.proxy.config.NotImplemented;

/**
 * Which observability features apply to the entry point.
 *
 * <p>Traefik key: {@code entryPoints.<name>.observability} (Traefik's {@code static.ObservabilityConfig}).
 *
 * @param traceVerbosity minimal or detailed
 */
public record EntryPointObservability(
        Boolean accessLogs,
        @NotImplemented("metrics are not implemented yet") Boolean metrics,
        @NotImplemented("tracing is not implemented yet") Boolean tracing,
        @NotImplemented("tracing is not implemented yet") String traceVerbosity) {

    public static final Boolean DEFAULT_ACCESS_LOGS = Boolean.TRUE;
    public static final Boolean DEFAULT_METRICS = Boolean.TRUE;
    public static final Boolean DEFAULT_TRACING = Boolean.TRUE;
    public static final String DEFAULT_TRACE_VERBOSITY = "minimal";

    public EntryPointObservability {
        if (accessLogs == null) {
            accessLogs = DEFAULT_ACCESS_LOGS;
        }
        if (metrics == null) {
            metrics = DEFAULT_METRICS;
        }
        if (tracing == null) {
            tracing = DEFAULT_TRACING;
        }
        if (traceVerbosity == null) {
            traceVerbosity = DEFAULT_TRACE_VERBOSITY;
        }
    }

    /** This section as Traefik fills it when it is present but empty. */
    public static EntryPointObservability defaults() {
        return new EntryPointObservability(null, null, null, null);
    }
}
