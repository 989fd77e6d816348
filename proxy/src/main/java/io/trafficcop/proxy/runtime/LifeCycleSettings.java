package io.trafficcop.proxy.runtime;

import java.time.Duration;

/**
 * Traefik's {@code entryPoints.<name>.transport.lifeCycle}: during {@code requestAcceptGraceTimeout} the entry point
 * keeps accepting and serving requests (while ping answers its terminating status), then it stops accepting and
 * gives in-flight requests {@code graceTimeOut} to finish.
 */
public record LifeCycleSettings(Duration requestAcceptGraceTimeout, Duration graceTimeOut) {

    /** Traefik's defaults: requestAcceptGraceTimeout 0, graceTimeOut 10s. */
    public static final LifeCycleSettings DEFAULTS = new LifeCycleSettings(Duration.ZERO, Duration.ofSeconds(10));

    public LifeCycleSettings {
        requestAcceptGraceTimeout = requestAcceptGraceTimeout == null ? Duration.ZERO : requestAcceptGraceTimeout;
        graceTimeOut = graceTimeOut == null ? Duration.ZERO : graceTimeOut;
    }
}
