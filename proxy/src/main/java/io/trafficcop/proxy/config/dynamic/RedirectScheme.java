package io.trafficcop.proxy.config.dynamic;


/**
 * Traefik's {@code http.middlewares.<name>.redirectScheme} ({@code dynamic.RedirectScheme}).
 *
 * <ul>
 *   <li>{@code port}: a string, as in Traefik</li>
 * </ul>
 */
public record RedirectScheme(
        String scheme,
        String port,
        Boolean permanent) {

    public static final Boolean DEFAULT_PERMANENT = Boolean.FALSE;

    public RedirectScheme {
        permanent = permanent != null ? permanent : DEFAULT_PERMANENT;
    }
}
