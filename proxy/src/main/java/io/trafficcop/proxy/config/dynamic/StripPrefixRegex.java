package io.trafficcop.proxy.config.dynamic;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Traefik's {@code http.middlewares.<name>.stripPrefixRegex} ({@code dynamic.StripPrefixRegex}).
 */
public record StripPrefixRegex(
        List<String> regex) {

    public StripPrefixRegex {
        // unmodifiable copies (nulls allowed, order kept): a bound configuration is never mutated
        regex = regex == null ? null : Collections.unmodifiableList(new ArrayList<>(regex));
    }
}
