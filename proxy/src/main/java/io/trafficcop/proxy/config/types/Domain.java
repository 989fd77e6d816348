package io.trafficcop.proxy.config.types;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Traefik's {@code http.routers.<name>.tls.domains[]} ({@code types.Domain}).
 *
 * <p>A certificate domain: the main name and its subject alternative names.
 * Shared by the static (ACME) and dynamic (router TLS, TLS stores) configurations.
 */
public record Domain(
        String main,
        List<String> sans) {

    public Domain {
        // unmodifiable copies (nulls allowed, order kept): a bound configuration is never mutated
        sans = sans == null ? null : Collections.unmodifiableList(new ArrayList<>(sans));
    }
}
