package io.trafficcop.proxy.middleware.ip;

import io.trafficcop.proxy.config.dynamic.IpStrategy;
import io.trafficcop.proxy.config.dynamic.SourceCriterion;
import io.trafficcop.proxy.rule.RoutingRequest;

/**
 * Traefik's {@code sourceCriterion} ({@code middlewares.GetSourceExtractor}): the key that groups requests for
 * rateLimit and inFlightReq — the client IP by an {@code ipStrategy}, the value of {@code requestHeaderName}, or
 * the Host header ({@code requestHost}, with its port as Go's {@code req.Host}).
 */
@FunctionalInterface
public interface SourceExtractor {

    String source(RoutingRequest request);

    /** What a middleware groups by when its sourceCriterion is absent or empty. */
    enum Default { REMOTE_ADDRESS, REQUEST_HOST }

    /**
     * Builds the extractor; the three criteria are mutually exclusive.
     *
     * @throws IllegalArgumentException with Traefik's message when two criteria are set, or for a bad ipStrategy
     */
    static SourceExtractor of(SourceCriterion criterion, Default fallback) {
        IpStrategy ipStrategy = criterion == null ? null : criterion.ipStrategy();
        String header = criterion == null || criterion.requestHeaderName() == null ? ""
                : criterion.requestHeaderName();
        boolean host = criterion != null && Boolean.TRUE.equals(criterion.requestHost());
        if (ipStrategy != null && !header.isEmpty()) {
            throw new IllegalArgumentException("iPStrategy and RequestHeaderName are mutually exclusive");
        }
        if (ipStrategy != null && host) {
            throw new IllegalArgumentException("iPStrategy and RequestHost are mutually exclusive");
        }
        if (!header.isEmpty() && host) {
            throw new IllegalArgumentException("requestHost and RequestHeaderName are mutually exclusive");
        }
        if (ipStrategy == null && header.isEmpty() && !host) {
            if (fallback == Default.REQUEST_HOST) {
                return SourceExtractor::rawHost;
            }
            return ClientIpStrategy.remoteAddress(null)::clientIp;
        }
        if (ipStrategy != null) {
            return ClientIpStrategy.of(ipStrategy)::clientIp;
        }
        if (!header.isEmpty()) {
            return request -> {
                String value = request.header(header);
                return value == null ? "" : value;
            };
        }
        return SourceExtractor::rawHost;
    }

    private static String rawHost(RoutingRequest request) {
        String value = request.header("Host");
        return value == null ? "" : value;
    }
}
