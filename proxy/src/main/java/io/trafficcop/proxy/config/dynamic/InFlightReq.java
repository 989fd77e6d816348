package io.trafficcop.proxy.config.dynamic;

import io.trafficcop.proxy.config.NotImplemented;

/**
 * Traefik's {@code http.middlewares.<name>.inFlightReq} ({@code dynamic.InFlightReq}).
 *
 * <ul>
 *   <li>{@code sourceCriterion}: null means the client's remote address</li>
 * </ul>
 */
@NotImplemented("middleware not implemented yet")
public record InFlightReq(
        Long amount,
        SourceCriterion sourceCriterion) {
}
