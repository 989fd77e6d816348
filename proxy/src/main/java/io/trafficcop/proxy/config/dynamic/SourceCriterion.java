package io.trafficcop.proxy.config.dynamic;


/**
 * Traefik's {@code http.middlewares.<name>.*.sourceCriterion} ({@code dynamic.SourceCriterion}).
 *
 * <p>Which requests are grouped together; when the whole section is null Traefik uses the client's remote address.
 */
public record SourceCriterion(
        IpStrategy ipStrategy,
        String requestHeaderName,
        Boolean requestHost) {
}
