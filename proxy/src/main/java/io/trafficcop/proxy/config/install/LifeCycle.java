package io.trafficcop.proxy.config.install;

import io.trafficcop.proxy.config.GoDuration;

/**
 * Timeouts of the entry point's shutdown phase.
 *
 * <p>Traefik key: {@code entryPoints.<name>.transport.lifeCycle}.
 *
 * @param requestAcceptGraceTimeout how long to keep accepting requests after a stop signal
 * @param graceTimeOut how long active requests may take to finish before the entry point stops
 */
public record LifeCycle(
        GoDuration requestAcceptGraceTimeout,
        GoDuration graceTimeOut) {

    public static final GoDuration DEFAULT_REQUEST_ACCEPT_GRACE_TIMEOUT = GoDuration.ZERO;
    public static final GoDuration DEFAULT_GRACE_TIME_OUT = GoDuration.ofSeconds(10);

    public LifeCycle {
        if (requestAcceptGraceTimeout == null) {
            requestAcceptGraceTimeout = DEFAULT_REQUEST_ACCEPT_GRACE_TIMEOUT;
        }
        if (graceTimeOut == null) {
            graceTimeOut = DEFAULT_GRACE_TIME_OUT;
        }
    }

    /** This section as Traefik fills it when it is present but empty. */
    public static LifeCycle defaults() {
        return new LifeCycle(null, null);
    }
}
