package io.trafficcop.proxy.config.dynamic;

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
}
