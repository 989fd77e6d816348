package io.trafficcop.proxy.config.dynamic;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.trafficcop.proxy.config.types.Domain;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Traefik's {@code http.routers.<name>.tls} ({@code dynamic.RouterTLSConfig}).
 */
public record RouterTlsConfig(
        String options,
        String certResolver,
        List<Domain> domains) {

    public RouterTlsConfig {
        // unmodifiable copies (nulls allowed, order kept): a bound configuration is never mutated
        domains = domains == null ? null : Collections.unmodifiableList(new ArrayList<>(domains));
    }

    /**
     * Traefik's file provider also takes a boolean for this section ({@code allowEmpty}): {@code true} is an
     * empty section (enabled, all defaults), {@code false} an absent one.
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static RouterTlsConfig fromBoolean(boolean enabled) {
        return enabled ? new RouterTlsConfig(null, null, null) : null;
    }
}
