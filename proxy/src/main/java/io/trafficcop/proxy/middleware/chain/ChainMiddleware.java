package io.trafficcop.proxy.middleware.chain;

import io.trafficcop.proxy.config.dynamic.Chain;
import io.trafficcop.proxy.http.HttpHandler;
import io.trafficcop.proxy.middleware.Middleware;
import io.trafficcop.proxy.middleware.MiddlewareChain;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Traefik's {@code http.middlewares.<name>.chain} ({@code middlewares}: names of other middlewares): the listed
 * middlewares, in order, as one (the first listed sees the request first). The names are resolved by whoever
 * compiles the snapshot (provider qualification, cycle detection); this class only composes built middlewares.
 */
public final class ChainMiddleware implements Middleware {

    private final List<Middleware> middlewares;

    public ChainMiddleware(List<? extends Middleware> middlewares) {
        this.middlewares = List.copyOf(middlewares);
    }

    /**
     * Builds the chain of {@code config}, resolving each name with {@code resolver}.
     *
     * @throws IllegalArgumentException when a name does not resolve (resolver returned null)
     */
    public static ChainMiddleware of(Chain config, Function<String, ? extends Middleware> resolver) {
        List<String> names = config.middlewares() == null ? List.of() : config.middlewares();
        List<Middleware> resolved = new ArrayList<>(names.size());
        for (String name : names) {
            Middleware middleware = resolver.apply(name);
            if (middleware == null) {
                throw new IllegalArgumentException("chain.middlewares: middleware \"" + name + "\" does not exist");
            }
            resolved.add(middleware);
        }
        return new ChainMiddleware(resolved);
    }

    public List<Middleware> middlewares() {
        return middlewares;
    }

    @Override
    public HttpHandler wrap(HttpHandler next) {
        return MiddlewareChain.build(middlewares, next);
    }
}
