package io.trafficcop.proxy.config.dynamic;

import io.trafficcop.proxy.config.NotImplemented;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Traefik's {@code http.models.<name>} ({@code dynamic.Model}).
 */
@NotImplemented("router models (entry-point defaults) not implemented yet")
public record Model(
        List<String> middlewares,
        RouterTlsConfig tls,
        RouterObservabilityConfig observability) {

    public static final RouterObservabilityConfig DEFAULT_OBSERVABILITY = new RouterObservabilityConfig(null, null, null, null);

    public Model {
        observability = observability != null ? observability : DEFAULT_OBSERVABILITY;
        // unmodifiable copies (nulls allowed, order kept): a bound configuration is never mutated
        middlewares = middlewares == null ? null : Collections.unmodifiableList(new ArrayList<>(middlewares));
    }
}
