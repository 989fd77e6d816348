package io.trafficcop.proxy.config.dynamic;

import com.fasterxml.jackson.annotation.JsonCreator;
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

    /**
     * Traefik's file provider also takes a boolean for this section ({@code allowEmpty}): {@code true} is an
     * empty section (enabled, all defaults), {@code false} an absent one.
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static TcpHealthCheck fromBoolean(boolean enabled) {
        return enabled ? new TcpHealthCheck(null, null, null, null, null, null) : null;
    }
}
