package io.trafficcop.proxy.config.dynamic;

import io.trafficcop.proxy.config.GoDuration;

/**
 * Traefik's {@code http.services.<name>.loadBalancer.responseForwarding} ({@code dynamic.ResponseForwarding}).
 *
 * <ul>
 *   <li>{@code flushInterval}: a negative value flushes after every write</li>
 * </ul>
 */
public record ResponseForwarding(
        GoDuration flushInterval) {

    public static final GoDuration DEFAULT_FLUSH_INTERVAL = GoDuration.ofMillis(100);

    public ResponseForwarding {
        flushInterval = flushInterval != null ? flushInterval : DEFAULT_FLUSH_INTERVAL;
    }
}
