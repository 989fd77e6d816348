package io.trafficcop.proxy.config.dynamic;

import io.trafficcop.proxy.config.NotImplemented;
import java.util.List;

/**
 * Traefik's {@code http.middlewares.<name>.stripPrefixRegex} ({@code dynamic.StripPrefixRegex}).
 */
@NotImplemented("middleware not implemented yet")
public record StripPrefixRegex(
        List<String> regex) {
}
