package io.trafficcop.proxy.config.dynamic;


/**
 * Traefik's {@code http.middlewares.<name>.redirectRegex} ({@code dynamic.RedirectRegex}).
 */
public record RedirectRegex(
        String regex,
        String replacement,
        Boolean permanent) {

    public static final Boolean DEFAULT_PERMANENT = Boolean.FALSE;

    public RedirectRegex {
        permanent = permanent != null ? permanent : DEFAULT_PERMANENT;
    }
}
