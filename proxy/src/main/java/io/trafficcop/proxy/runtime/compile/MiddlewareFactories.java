package io.trafficcop.proxy.runtime.compile;

import java.util.HashMap;
import java.util.Map;

/**
 * The middleware types TrafficCop implements, by their key in Traefik's configuration ({@code stripPrefix},
 * {@code headers}, ...). {@code chain} is resolved by {@link MiddlewareCompiler} itself.
 */
final class MiddlewareFactories {

    private MiddlewareFactories() {
    }

    static Map<String, MiddlewareCompiler.Factory> all() {
        Map<String, MiddlewareCompiler.Factory> factories = new HashMap<>();
        return factories;
    }
}
