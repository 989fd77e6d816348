package io.trafficcop.proxy.config.install;

import io.trafficcop.proxy.config.GoDuration;

/**
 * Timeouts of requests forwarded to the backend servers. Zero means no timeout.
 *
 * <p>Traefik key: {@code serversTransport.forwardingTimeouts}.
 */
public record ForwardingTimeouts(
        GoDuration dialTimeout,
        GoDuration responseHeaderTimeout,
        GoDuration idleConnTimeout) {

    public static final GoDuration DEFAULT_DIAL_TIMEOUT = GoDuration.ofSeconds(30);
    public static final GoDuration DEFAULT_RESPONSE_HEADER_TIMEOUT = GoDuration.ZERO;
    public static final GoDuration DEFAULT_IDLE_CONN_TIMEOUT = GoDuration.ofSeconds(90);

    public ForwardingTimeouts {
        if (dialTimeout == null) {
            dialTimeout = DEFAULT_DIAL_TIMEOUT;
        }
        if (responseHeaderTimeout == null) {
            responseHeaderTimeout = DEFAULT_RESPONSE_HEADER_TIMEOUT;
        }
        if (idleConnTimeout == null) {
            idleConnTimeout = DEFAULT_IDLE_CONN_TIMEOUT;
        }
    }

    /** This section as Traefik fills it when it is present but empty. */
    public static ForwardingTimeouts defaults() {
        return new ForwardingTimeouts(null, null, null);
    }
}
