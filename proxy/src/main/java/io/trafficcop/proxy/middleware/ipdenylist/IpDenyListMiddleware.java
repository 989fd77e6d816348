package io.trafficcop.proxy.middleware.ipdenylist;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.trafficcop.proxy.config.dynamic.IpDenyList;
import io.trafficcop.proxy.http.HttpHandler;
import io.trafficcop.proxy.middleware.GoStatusText;
import io.trafficcop.proxy.middleware.Middleware;
import io.trafficcop.proxy.middleware.TextResponses;
import io.trafficcop.proxy.middleware.ip.ClientIpStrategy;
import io.trafficcop.proxy.middleware.ip.IpChecker;

/**
 * TrafficCop's {@code ipDenyList} middleware (an extension): clients whose IP (chosen by {@code ipStrategy}, as
 * ipAllowList) is in {@code sourceRange} get {@code rejectStatusCode} (default 403) with its reason phrase as
 * body. A request whose client IP cannot be determined (the strategy found none, or it does not parse) is
 * rejected too: a deny list must not be bypassed by sending no or a garbled X-Forwarded-For.
 */
public final class IpDenyListMiddleware implements Middleware {

    private final IpChecker denied;
    private final ClientIpStrategy strategy;
    private final HttpResponseStatus rejectStatus;
    private final String rejectBody;

    /** @throws IllegalArgumentException for an empty or bad sourceRange, status or strategy */
    public IpDenyListMiddleware(IpDenyList config) {
        if (config.sourceRange() == null || config.sourceRange().isEmpty()) {
            throw new IllegalArgumentException("ipDenyList.sourceRange is empty");
        }
        int code = config.rejectStatusCode() == null || config.rejectStatusCode() == 0 ? 403
                : config.rejectStatusCode();
        if (GoStatusText.of(code).isEmpty()) {
            throw new IllegalArgumentException("ipDenyList.rejectStatusCode: invalid HTTP status code " + code);
        }
        try {
            this.denied = IpChecker.of(config.sourceRange());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("ipDenyList.sourceRange: cannot parse CIDRs " + config.sourceRange()
                    + ": " + e.getMessage(), e);
        }
        try {
            this.strategy = ClientIpStrategy.of(config.ipStrategy());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("ipDenyList.ipStrategy: " + e.getMessage(), e);
        }
        this.rejectStatus = HttpResponseStatus.valueOf(code, GoStatusText.of(code));
        this.rejectBody = GoStatusText.of(code);
    }

    @Override
    public HttpHandler wrap(HttpHandler next) {
        return exchange -> {
            if (isDenied(strategy.clientIp(exchange))) {
                TextResponses.written(exchange, rejectStatus, rejectBody);
                return;
            }
            next.handle(exchange);
        };
    }

    private boolean isDenied(String clientIp) {
        try {
            return denied.containsHostOf(clientIp);
        } catch (IllegalArgumentException e) {
            return true; // no usable client IP: fail closed
        }
    }
}
