package io.trafficcop.proxy.config.install;

/**
 * Redirections of an entry point.
 *
 * <p>Traefik key: {@code entryPoints.<name>.http.redirections}.
 */
public record Redirections(
        RedirectEntryPoint entryPoint) {
}
