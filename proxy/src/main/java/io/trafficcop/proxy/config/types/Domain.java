package io.trafficcop.proxy.config.types;

import java.util.List;

/**
 * Traefik's {@code domains[]} ({@code types.Domain}).
 *
 * A certificate domain: the main name and its subject alternative names.
 * Shared by the static (ACME) and dynamic (router TLS, TLS stores) configurations.
 */
public record Domain(
        String main,
        List<String> sans) {
}
