package io.trafficcop.proxy.config.dynamic;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.trafficcop.proxy.config.NotImplemented;

/**
 * Traefik's {@code tcp.*.proxyProtocol} ({@code dynamic.ProxyProtocol}).
 */
@NotImplemented("TCP routing not implemented yet")
public record ProxyProtocol(
        Integer version) {

    public static final Integer DEFAULT_VERSION = 2;

    public ProxyProtocol {
        version = version != null ? version : DEFAULT_VERSION;
    }

    /**
     * Traefik's file provider also takes a boolean for this section ({@code allowEmpty}): {@code true} is an
     * empty section (enabled, all defaults), {@code false} an absent one.
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static ProxyProtocol fromBoolean(boolean enabled) {
        return enabled ? new ProxyProtocol(null) : null;
    }
}
