package io.trafficcop.proxy.config.dynamic;

import io.trafficcop.proxy.config.GoDuration;
import io.trafficcop.proxy.config.NotImplemented;

/**
 * Traefik's {@code tcp.services.<name>.loadBalancer.healthCheck} ({@code dynamic.TCPServerHealthCheck}).
 *
 * <ul>
 *   <li>{@code unhealthyInterval}: defaults to {@code interval}</li>
 * </ul>
 */
@NotImplemented("TCP routing not implemented yet")
public record TcpHealthCheck(
        Integer port,
        String send,
        String expect,
        GoDuration interval,
        GoDuration unhealthyInterval,
        GoDuration timeout) {

    public static final GoDuration DEFAULT_INTERVAL = GoDuration.ofSeconds(30);
    public static final GoDuration DEFAULT_TIMEOUT = GoDuration.ofSeconds(5);

    public TcpHealthCheck {
        interval = interval != null ? interval : DEFAULT_INTERVAL;
        timeout = timeout != null ? timeout : DEFAULT_TIMEOUT;
        unhealthyInterval = unhealthyInterval != null ? unhealthyInterval : interval;
    }
}
