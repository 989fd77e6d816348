package io.trafficcop.proxy.config.dynamic;

import io.trafficcop.proxy.config.GoDuration;
import io.trafficcop.proxy.config.NotImplemented;

/**
 * Traefik's {@code http.middlewares.<name>.rateLimit} ({@code dynamic.RateLimit}).
 *
 * <ul>
 *   <li>{@code average}: requests per {@code period}; 0 means no limit</li>
 *   <li>{@code redis}: presence makes the limit distributed</li>
 * </ul>
 */
public record RateLimit(
        Long average,
        GoDuration period,
        Long burst,
        SourceCriterion sourceCriterion,
        @NotImplemented("rateLimit.redis not implemented yet: the limit is applied per instance") Redis redis) {

    public static final GoDuration DEFAULT_PERIOD = GoDuration.ofSeconds(1);
    public static final Long DEFAULT_BURST = 1L;

    public RateLimit {
        period = period != null ? period : DEFAULT_PERIOD;
        burst = burst != null ? burst : DEFAULT_BURST;
    }
}
