package io.trafficcop.proxy.config.install;

import io.trafficcop.proxy.config.GoDuration;

/**
 * Communication between clients and the entry point.
 *
 * <p>Traefik key: {@code entryPoints.<name>.transport}.
 *
 * @param keepAliveMaxTime zero means no limit
 * @param keepAliveMaxRequests zero means no limit
 */
public record EntryPointsTransport(
        LifeCycle lifeCycle,
        RespondingTimeouts respondingTimeouts,
        GoDuration keepAliveMaxTime,
        Integer keepAliveMaxRequests) {

    public static final LifeCycle DEFAULT_LIFE_CYCLE = LifeCycle.defaults();
    public static final RespondingTimeouts DEFAULT_RESPONDING_TIMEOUTS = RespondingTimeouts.defaults();
    public static final GoDuration DEFAULT_KEEP_ALIVE_MAX_TIME = GoDuration.ZERO;
    public static final Integer DEFAULT_KEEP_ALIVE_MAX_REQUESTS = 0;

    public EntryPointsTransport {
        if (lifeCycle == null) {
            lifeCycle = DEFAULT_LIFE_CYCLE;
        }
        if (respondingTimeouts == null) {
            respondingTimeouts = DEFAULT_RESPONDING_TIMEOUTS;
        }
        if (keepAliveMaxTime == null) {
            keepAliveMaxTime = DEFAULT_KEEP_ALIVE_MAX_TIME;
        }
        if (keepAliveMaxRequests == null) {
            keepAliveMaxRequests = DEFAULT_KEEP_ALIVE_MAX_REQUESTS;
        }
    }

    /** This section as Traefik fills it when it is present but empty. */
    public static EntryPointsTransport defaults() {
        return new EntryPointsTransport(null, null, null, null);
    }
}
