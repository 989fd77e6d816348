package io.trafficcop.proxy.config.install;

/**
 * Redirects every request of the entry point to another one.
 *
 * <p>Traefik key: {@code entryPoints.<name>.http.redirections.entryPoint}.
 *
 * @param to target entry point name or port
 * @param priority priority of the generated router; Go's math.MaxInt - 1 by default
 */
public record RedirectEntryPoint(
        String to,
        String scheme,
        Boolean permanent,
        Long priority) {

    public static final String DEFAULT_SCHEME = "https";
    public static final Boolean DEFAULT_PERMANENT = Boolean.TRUE;
    public static final Long DEFAULT_PRIORITY = Long.MAX_VALUE - 1;

    public RedirectEntryPoint {
        if (scheme == null) {
            scheme = DEFAULT_SCHEME;
        }
        if (permanent == null) {
            permanent = DEFAULT_PERMANENT;
        }
        if (priority == null) {
            priority = DEFAULT_PRIORITY;
        }
    }

    /** This section as Traefik fills it when it is present but empty. */
    public static RedirectEntryPoint defaults() {
        return new RedirectEntryPoint(null, null, null, null);
    }
}
