package io.trafficcop.proxy.config.dynamic;

import io.trafficcop.proxy.config.NotImplemented;
import java.util.List;

/**
 * Traefik's {@code http.middlewares.<name>.basicAuth} ({@code dynamic.BasicAuth}).
 *
 * <ul>
 *   <li>{@code users}: {@code name:hashed-password}</li>
 * </ul>
 */
@NotImplemented("middleware not implemented yet")
public record BasicAuth(
        List<String> users,
        String usersFile,
        String realm,
        Boolean removeHeader,
        String headerField) {

    public static final String DEFAULT_REALM = "traefik";

    public BasicAuth {
        realm = realm != null ? realm : DEFAULT_REALM;
    }
}
