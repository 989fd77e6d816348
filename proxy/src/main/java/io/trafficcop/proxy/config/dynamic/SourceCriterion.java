package io.trafficcop.proxy.config.dynamic;

import io.trafficcop.proxy.config.NotImplemented;

/**
 * Traefik's {@code http.middlewares.<name>.*.sourceCriterion} ({@code dynamic.SourceCriterion}).
 *
 * <p>Which requests are grouped together; when the whole section is null Traefik uses the client's remote address.
 */
@NotImplemented("middleware not implemented yet")
public record SourceCriterion(
        IpStrategy ipStrategy,
        String requestHeaderName,
        Boolean requestHost) {
}
