package io.trafficcop.proxy.config.dynamic;

import io.trafficcop.proxy.config.NotImplemented;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Traefik's {@code http.routers.<name>} ({@code dynamic.Router}).
 *
 * <ul>
 *   <li>{@code entryPoints}: null means the default entry points (all of them unless some are marked {@code asDefault})</li>
 *   <li>{@code ruleSyntax}: {@code v3} or {@code v2}; null means the entry point's / global default</li>
 *   <li>{@code priority}: null or 0 means the rule length; a Go {@code int}, 64-bit, up to {@code MaxInt64 - 1000} for user routers</li>
 *   <li>{@code tls}: presence alone enables TLS on the router</li>
 * </ul>
 */
public record Router(
        List<String> entryPoints,
        List<String> middlewares,
        String service,
        String rule,
        String ruleSyntax,
        Long priority,
        RouterTlsConfig tls,
        RouterObservabilityConfig observability,
        @NotImplemented("parent routers (multi-layer routing) not implemented yet") List<String> parentRefs) {

    public Router {
        // unmodifiable copies (nulls allowed, order kept): a bound configuration is never mutated
        entryPoints = entryPoints == null ? null : Collections.unmodifiableList(new ArrayList<>(entryPoints));
        middlewares = middlewares == null ? null : Collections.unmodifiableList(new ArrayList<>(middlewares));
        parentRefs = parentRefs == null ? null : Collections.unmodifiableList(new ArrayList<>(parentRefs));
    }
}
