package io.trafficcop.proxy.config.dynamic;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Traefik's {@code http.middlewares.<name>.digestAuth} ({@code dynamic.DigestAuth}).
 *
 * <ul>
 *   <li>{@code users}: {@code name:realm:hashed-password}</li>
 * </ul>
 */
public record DigestAuth(
        List<String> users,
        String usersFile,
        Boolean removeHeader,
        String realm,
        String headerField) {

    public static final String DEFAULT_REALM = "traefik";

    public DigestAuth {
        realm = realm != null ? realm : DEFAULT_REALM;
        // unmodifiable copies (nulls allowed, order kept): a bound configuration is never mutated
        users = users == null ? null : Collections.unmodifiableList(new ArrayList<>(users));
    }
}
