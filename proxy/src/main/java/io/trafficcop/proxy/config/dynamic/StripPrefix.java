package io.trafficcop.proxy.config.dynamic;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Traefik's {@code http.middlewares.<name>.stripPrefix} ({@code dynamic.StripPrefix}).
 *
 * <ul>
 *   <li>{@code forceSlash}: deprecated; null means false, but setting it at all logs a deprecation warning, so null is kept</li>
 * </ul>
 */
public record StripPrefix(
        List<String> prefixes,
        Boolean forceSlash) {

    public StripPrefix {
        // unmodifiable copies (nulls allowed, order kept): a bound configuration is never mutated
        prefixes = prefixes == null ? null : Collections.unmodifiableList(new ArrayList<>(prefixes));
    }
}
