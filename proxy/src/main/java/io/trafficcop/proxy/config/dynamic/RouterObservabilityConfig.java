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
@NotImplemented("per-router observability not implemented yet")
public record RouterObservabilityConfig(
        Boolean accessLogs,
        Boolean metrics,
        Boolean tracing,
        String traceVerbosity) {

    public static final String DEFAULT_TRACE_VERBOSITY = "minimal";

    public RouterObservabilityConfig {
        traceVerbosity = traceVerbosity != null ? traceVerbosity : DEFAULT_TRACE_VERBOSITY;
    }
}
