package io.trafficcop.proxy.config.dynamic;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Traefik's {@code http.middlewares.<name>.basicAuth} ({@code dynamic.BasicAuth}).
 *
 * <ul>
 *   <li>{@code users}: {@code name:hashed-password}</li>
 * </ul>
 */
public record BasicAuth(
        List<String> users,
        String usersFile,
        String realm,
        Boolean removeHeader,
        String headerField) {

    public static final String DEFAULT_REALM = "traefik";

    public BasicAuth {
        realm = realm != null ? realm : DEFAULT_REALM;
        // unmodifiable copies (nulls allowed, order kept): a bound configuration is never mutated
        users = users == null ? null : Collections.unmodifiableList(new ArrayList<>(users));
    }
}
