package io.trafficcop.proxy.config.dynamic;

import io.trafficcop.proxy.config.GoDuration;

/**
 * Traefik's {@code http.serversTransports.<name>.forwardingTimeouts} ({@code dynamic.ForwardingTimeouts}).
 *
 * <ul>
 *   <li>{@code dialTimeout}: 0 means no timeout</li>
 *   <li>{@code responseHeaderTimeout}: 0 means no timeout</li>
 *   <li>{@code readIdleTimeout}: HTTP/2 ping health check; 0 disables it</li>
 * </ul>
 */
public record ForwardingTimeouts(
        GoDuration dialTimeout,
        GoDuration responseHeaderTimeout,
        GoDuration idleConnTimeout,
        GoDuration readIdleTimeout,
        GoDuration pingTimeout) {

    public static final GoDuration DEFAULT_DIAL_TIMEOUT = GoDuration.ofSeconds(30);
    public static final GoDuration DEFAULT_RESPONSE_HEADER_TIMEOUT = GoDuration.ZERO;
    public static final GoDuration DEFAULT_IDLE_CONN_TIMEOUT = GoDuration.ofSeconds(90);
    public static final GoDuration DEFAULT_READ_IDLE_TIMEOUT = GoDuration.ZERO;
    public static final GoDuration DEFAULT_PING_TIMEOUT = GoDuration.ofSeconds(15);

    public ForwardingTimeouts {
        dialTimeout = dialTimeout != null ? dialTimeout : DEFAULT_DIAL_TIMEOUT;
        responseHeaderTimeout = responseHeaderTimeout != null ? responseHeaderTimeout : DEFAULT_RESPONSE_HEADER_TIMEOUT;
        idleConnTimeout = idleConnTimeout != null ? idleConnTimeout : DEFAULT_IDLE_CONN_TIMEOUT;
        readIdleTimeout = readIdleTimeout != null ? readIdleTimeout : DEFAULT_READ_IDLE_TIMEOUT;
        pingTimeout = pingTimeout != null ? pingTimeout : DEFAULT_PING_TIMEOUT;
    }
}
