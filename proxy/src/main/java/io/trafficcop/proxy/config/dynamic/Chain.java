package io.trafficcop.proxy.config.dynamic;

import io.trafficcop.proxy.config.NotImplemented;
import java.util.List;

/**
 * Traefik's {@code http.middlewares.<name>.chain} ({@code dynamic.Chain}).
 */
@NotImplemented("middleware not implemented yet")
public record Chain(
        List<String> middlewares) {
}
