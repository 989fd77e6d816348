package io.trafficcop.proxy.config.dynamic;

import io.trafficcop.proxy.config.NotImplemented;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Traefik's {@code http.serversTransports.<name>.spiffe} ({@code dynamic.Spiffe}).
 */
@NotImplemented("SPIFFE not implemented yet")
public record Spiffe(
        List<String> ids,
        String trustDomain) {

    public Spiffe {
        // unmodifiable copies (nulls allowed, order kept): a bound configuration is never mutated
        ids = ids == null ? null : Collections.unmodifiableList(new ArrayList<>(ids));
    }
}
