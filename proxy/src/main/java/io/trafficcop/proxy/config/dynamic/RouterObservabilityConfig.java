package io.trafficcop.proxy.config.dynamic;

import io.trafficcop.proxy.config.NotImplemented;

/**
 * Traefik's {@code http.routers.<name>.observability} ({@code dynamic.RouterObservabilityConfig}).
 *
 * <ul>
 *   <li>{@code accessLogs}: null inherits the entry point's setting</li>
 *   <li>{@code metrics}: null inherits the entry point's setting</li>
 *   <li>{@code tracing}: null inherits the entry point's setting</li>
 * </ul>
 */
public record RouterObservabilityConfig(
        Boolean accessLogs,
        @NotImplemented("metrics are not implemented yet") Boolean metrics,
        @NotImplemented("tracing is not implemented yet") Boolean tracing,
        @NotImplemented("tracing is not implemented yet") String traceVerbosity) {

    public static final String DEFAULT_TRACE_VERBOSITY = "minimal";

    public RouterObservabilityConfig {
        traceVerbosity = traceVerbosity != null ? traceVerbosity : DEFAULT_TRACE_VERBOSITY;
    }
}
