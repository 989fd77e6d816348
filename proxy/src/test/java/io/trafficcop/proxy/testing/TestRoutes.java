package io.trafficcop.proxy.testing;

import io.trafficcop.proxy.http.HttpHandler;
import io.trafficcop.proxy.http.InboundRequest;
import io.trafficcop.proxy.runtime.RouteSelector;
import io.trafficcop.proxy.runtime.RouterRuntime;
import java.util.ArrayList;
import java.util.List;

/** A stand-in route selector for the data plane's tests: Host equality and/or path prefix, first match wins. */
public final class TestRoutes implements RouteSelector {

    private record Route(String host, String pathPrefix, RouterRuntime router) {
    }

    private final List<Route> routes = new ArrayList<>();

    public TestRoutes host(String host, String name, HttpHandler handler) {
        routes.add(new Route(host, null, new RouterRuntime(name, handler)));
        return this;
    }

    public TestRoutes path(String prefix, String name, HttpHandler handler) {
        routes.add(new Route(null, prefix, new RouterRuntime(name, handler)));
        return this;
    }

    public TestRoutes any(String name, HttpHandler handler) {
        routes.add(new Route(null, null, new RouterRuntime(name, handler)));
        return this;
    }

    @Override
    public RouterRuntime select(InboundRequest request) {
        for (Route r : routes) {
            if (r.host != null && !r.host.equalsIgnoreCase(request.host())) {
                continue;
            }
            if (r.pathPrefix != null && !request.rawPath().startsWith(r.pathPrefix)) {
                continue;
            }
            return r.router;
        }
        return null;
    }
}
