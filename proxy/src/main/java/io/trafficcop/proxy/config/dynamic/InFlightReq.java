package io.trafficcop.proxy.config.dynamic;


/**
 * Traefik's {@code http.middlewares.<name>.inFlightReq} ({@code dynamic.InFlightReq}).
 *
 * <ul>
 *   <li>{@code sourceCriterion}: null means the client's remote address</li>
 * </ul>
 */
public record InFlightReq(
        Long amount,
        SourceCriterion sourceCriterion) {
}
