package io.trafficcop.proxy.config.dynamic;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.trafficcop.proxy.config.NotImplemented;
import io.trafficcop.proxy.config.types.Domain;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Traefik's {@code tcp.routers.<name>.tls} ({@code dynamic.RouterTCPTLSConfig}).
 */
@NotImplemented("TCP routing not implemented yet")
public record RouterTcpTlsConfig(
        Boolean passthrough,
        String options,
        String certResolver,
        List<Domain> domains) {

    public static final Boolean DEFAULT_PASSTHROUGH = Boolean.FALSE;

    public RouterTcpTlsConfig {
        passthrough = passthrough != null ? passthrough : DEFAULT_PASSTHROUGH;
        // unmodifiable copies (nulls allowed, order kept): a bound configuration is never mutated
        domains = domains == null ? null : Collections.unmodifiableList(new ArrayList<>(domains));
    }

    /**
     * Traefik's file provider also takes a boolean for this section ({@code allowEmpty}): {@code true} is an
     * empty section (enabled, all defaults), {@code false} an absent one.
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static RouterTcpTlsConfig fromBoolean(boolean enabled) {
        return enabled ? new RouterTcpTlsConfig(null, null, null, null) : null;
    }
}
