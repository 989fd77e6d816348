package io.trafficcop.proxy.middleware.ipallowlist;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.trafficcop.proxy.config.dynamic.IpAllowList;
import io.trafficcop.proxy.config.dynamic.IpStrategy;
import io.trafficcop.proxy.config.dynamic.IpWhiteList;
import io.trafficcop.proxy.http.HttpHandler;
import io.trafficcop.proxy.middleware.GoStatusText;
import io.trafficcop.proxy.middleware.Middleware;
import io.trafficcop.proxy.middleware.TextResponses;
import io.trafficcop.proxy.middleware.ip.ClientIpStrategy;
import io.trafficcop.proxy.middleware.ip.IpChecker;
import java.util.List;

/**
 * Traefik's {@code ipAllowList} middleware (and its deprecated alias {@code ipWhiteList}): only clients whose IP
 * (chosen by {@code ipStrategy}) is in {@code sourceRange} pass; the others get {@code rejectStatusCode} (default
 * 403) with its reason phrase as body.
 */
public final class IpAllowListMiddleware implements Middleware {

    private final IpChecker allowed;
    private final ClientIpStrategy strategy;
    private final HttpResponseStatus rejectStatus;
    private final String rejectBody;

    /** {@code ipAllowList}. @throws IllegalArgumentException for an empty or bad sourceRange, status or strategy */
    public IpAllowListMiddleware(IpAllowList config) {
        this(config.sourceRange(), config.ipStrategy(), config.rejectStatusCode(), "ipAllowList");
    }

    /** {@code ipWhiteList}: the same, always rejecting with 403. */
    public static IpAllowListMiddleware whiteList(IpWhiteList config) {
        return new IpAllowListMiddleware(config.sourceRange(), config.ipStrategy(), null, "ipWhiteList");
    }

    private IpAllowListMiddleware(List<String> sourceRange, IpStrategy ipStrategy, Integer rejectStatusCode,
                                  String option) {
        if (sourceRange == null || sourceRange.isEmpty()) {
            throw new IllegalArgumentException(option + ".sourceRange is empty, IPAllowLister not created");
        }
        int code = rejectStatusCode == null || rejectStatusCode == 0 ? 403 : rejectStatusCode;
        if (GoStatusText.of(code).isEmpty()) {
            throw new IllegalArgumentException(option + ".rejectStatusCode: invalid HTTP status code " + code);
        }
        try {
            this.allowed = IpChecker.of(sourceRange);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ".sourceRange: cannot parse CIDRs " + sourceRange + ": "
                    + e.getMessage(), e);
        }
        try {
            this.strategy = ClientIpStrategy.of(ipStrategy);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ".ipStrategy: " + e.getMessage(), e);
        }
        this.rejectStatus = HttpResponseStatus.valueOf(code, GoStatusText.of(code));
        this.rejectBody = GoStatusText.of(code);
    }

    @Override
    public HttpHandler wrap(HttpHandler next) {
        return exchange -> {
            String clientIp = strategy.clientIp(exchange);
            if (allowed.unauthorizedReason(clientIp) != null) {
                TextResponses.written(exchange, rejectStatus, rejectBody);
                return;
            }
            next.handle(exchange);
        };
    }
}
