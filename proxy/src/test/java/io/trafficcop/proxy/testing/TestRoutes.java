package io.trafficcop.proxy.testing;

import io.trafficcop.proxy.http.HttpHandler;
import io.trafficcop.proxy.rule.HttpRouteTable;
import io.trafficcop.proxy.rule.RoutingRequest;
import io.trafficcop.proxy.rule.RuleException;
import io.trafficcop.proxy.rule.RuleSyntax;
import io.trafficcop.proxy.runtime.RouteSelector;
import io.trafficcop.proxy.runtime.RouterRuntime;

/**
 * Routes for the data plane's tests, compiled by the rule engine: {@link #host} is {@code Host(`h`)},
 * {@link #path} {@code PathPrefix(`p`)}, {@link #any} {@code PathPrefix(`/`)}; earlier routes get higher
 * priorities so the first added wins.
 */
public final class TestRoutes implements RouteSelector {

    private final HttpRouteTable.Builder<RouterRuntime> builder = HttpRouteTable.builder();
    private int priority = 1_000_000;
    private HttpRouteTable<RouterRuntime> table;

    public TestRoutes rule(String name, String rule, int routerPriority, HttpHandler handler) {
        try {
            builder.add(name, rule, RuleSyntax.V3, routerPriority, new RouterRuntime(name, handler));
        } catch (RuleException e) {
            throw new IllegalArgumentException(e);
        }
        table = null;
        return this;
    }

    public TestRoutes host(String host, String name, HttpHandler handler) {
        return rule(name, "Host(`" + host + "`)", priority--, handler);
    }

    public TestRoutes path(String prefix, String name, HttpHandler handler) {
        return rule(name, "PathPrefix(`" + prefix + "`)", priority--, handler);
    }

    public TestRoutes any(String name, HttpHandler handler) {
        return rule(name, "PathPrefix(`/`)", priority--, handler);
    }

    @Override
    public RouterRuntime select(RoutingRequest request) {
        HttpRouteTable<RouterRuntime> t = table;
        if (t == null) {
            t = table = builder.build();
        }
        return t.match(request);
    }
}
