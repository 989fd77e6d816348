package io.trafficcop.proxy.config.dynamic;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Traefik's {@code http.middlewares.<name>.chain} ({@code dynamic.Chain}).
 */
public record Chain(
        List<String> middlewares) {

    public Chain {
        // unmodifiable copies (nulls allowed, order kept): a bound configuration is never mutated
        middlewares = middlewares == null ? null : Collections.unmodifiableList(new ArrayList<>(middlewares));
    }
}
