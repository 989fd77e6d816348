package io.trafficcop.proxy.config.dynamic;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * Traefik's {@code ...sticky.cookie} ({@code dynamic.Cookie}).
 *
 * <ul>
 *   <li>{@code name}: null means a name derived from the service name</li>
 *   <li>{@code sameSite}: {@code none}, {@code lax}, {@code strict} or null (unset)</li>
 *   <li>{@code maxAge}: 0 means a session cookie, negative expires it</li>
 * </ul>
 */
public record Cookie(
        String name,
        Boolean secure,
        Boolean httpOnly,
        String sameSite,
        Integer maxAge,
        String path,
        String domain) {

    public static final Boolean DEFAULT_SECURE = Boolean.FALSE;
    public static final Boolean DEFAULT_HTTP_ONLY = Boolean.FALSE;
    public static final Integer DEFAULT_MAX_AGE = 0;
    public static final String DEFAULT_PATH = "/";

    public Cookie {
        secure = secure != null ? secure : DEFAULT_SECURE;
        httpOnly = httpOnly != null ? httpOnly : DEFAULT_HTTP_ONLY;
        maxAge = maxAge != null ? maxAge : DEFAULT_MAX_AGE;
        path = path != null ? path : DEFAULT_PATH;
    }

    /**
     * Traefik's file provider also takes a boolean for this section ({@code allowEmpty}): {@code true} is an
     * empty section (enabled, all defaults), {@code false} an absent one.
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Cookie fromBoolean(boolean enabled) {
        return enabled ? new Cookie(null, null, null, null, null, null, null) : null;
    }
}
