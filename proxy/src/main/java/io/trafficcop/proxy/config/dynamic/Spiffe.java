package io.trafficcop.proxy.config.dynamic;

import com.fasterxml.jackson.annotation.JsonCreator;
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

    /**
     * Traefik's file provider also takes a boolean for this section ({@code allowEmpty}): {@code true} is an
     * empty section (enabled, all defaults), {@code false} an absent one.
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Spiffe fromBoolean(boolean enabled) {
        return enabled ? new Spiffe(null, null) : null;
    }
}
