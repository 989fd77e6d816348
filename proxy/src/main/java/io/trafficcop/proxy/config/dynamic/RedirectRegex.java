package io.trafficcop.proxy.config.dynamic;

import io.trafficcop.proxy.config.NotImplemented;

/**
 * Traefik's {@code http.middlewares.<name>.redirectRegex} ({@code dynamic.RedirectRegex}).
 */
@NotImplemented("middleware not implemented yet")
public record RedirectRegex(
        String regex,
        String replacement,
        Boolean permanent) {

    public static final Boolean DEFAULT_PERMANENT = Boolean.FALSE;

    public RedirectRegex {
        permanent = permanent != null ? permanent : DEFAULT_PERMANENT;
    }
}
