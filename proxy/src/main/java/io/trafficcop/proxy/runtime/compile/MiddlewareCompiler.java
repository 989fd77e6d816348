package io.trafficcop.proxy.runtime.compile;

import io.trafficcop.proxy.config.dynamic.Middleware;
import io.trafficcop.proxy.config.validate.QualifiedConfiguration;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the runtime middlewares of a configuration ({@code http.middlewares}), each once per snapshot,
 * resolving {@code chain} references by qualified name. A middleware TrafficCop does not implement yet
 * fails to build, so that the routers using it are disabled rather than served without it (an
 * authentication middleware must never be skipped).
 */
final class MiddlewareCompiler {

    /** Builds one middleware type from its configuration record. */
    @FunctionalInterface
    interface Factory {
        io.trafficcop.proxy.middleware.Middleware create(String name, Record config) throws Exception;
    }

    private final Map<String, Middleware> configs;
    private final Map<String, Factory> factories;
    private final Map<String, io.trafficcop.proxy.middleware.Middleware> built = new HashMap<>();
    private final Map<String, String> failures = new HashMap<>();

    MiddlewareCompiler(Map<String, Middleware> configs, Map<String, Factory> factories) {
        this.configs = configs;
        this.factories = factories;
    }

    /** The middlewares named by {@code references} (of an object of {@code provider}), in order. */
    List<io.trafficcop.proxy.middleware.Middleware> resolve(List<String> references, String provider)
            throws CompileException {
        List<io.trafficcop.proxy.middleware.Middleware> middlewares = new ArrayList<>();
        if (references == null) {
            return middlewares;
        }
        for (String reference : references) {
            middlewares.add(get(QualifiedConfiguration.qualify(reference, provider), new LinkedHashSet<>()));
        }
        return middlewares;
    }

    private io.trafficcop.proxy.middleware.Middleware get(String name, Set<String> visiting) throws CompileException {
        io.trafficcop.proxy.middleware.Middleware existing = built.get(name);
        if (existing != null) {
            return existing;
        }
        String failure = failures.get(name);
        if (failure != null) {
            throw new CompileException(failure);
        }
        try {
            io.trafficcop.proxy.middleware.Middleware middleware = build(name, visiting);
            built.put(name, middleware);
            return middleware;
        } catch (CompileException e) {
            failures.put(name, e.getMessage());
            throw e;
        }
    }

    private io.trafficcop.proxy.middleware.Middleware build(String name, Set<String> visiting) throws CompileException {
        Middleware config = configs.get(name);
        if (config == null) {
            throw new CompileException("middleware \"" + name + "\" does not exist");
        }
        if (!visiting.add(name)) {
            throw new CompileException("recursion detected in " + String.join(" -> ", visiting) + " -> " + name);
        }
        if (config.chain() != null) {
            List<io.trafficcop.proxy.middleware.Middleware> chain = new ArrayList<>();
            List<String> references = config.chain().middlewares() == null ? List.of() : config.chain().middlewares();
            for (String reference : references) {
                chain.add(get(QualifiedConfiguration.qualify(reference, QualifiedConfiguration.providerOf(name)),
                        visiting));
            }
            visiting.remove(name);
            return new io.trafficcop.proxy.middleware.chain.ChainMiddleware(chain);
        }
        visiting.remove(name);
        for (RecordComponent component : Middleware.class.getRecordComponents()) {
            Object value;
            try {
                value = component.getAccessor().invoke(config);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            if (value == null) {
                continue;
            }
            Factory factory = factories.get(component.getName());
            if (factory == null) {
                throw new CompileException("middleware \"" + name + "\": the " + component.getName()
                        + " middleware is not implemented by TrafficCop yet");
            }
            try {
                return factory.create(name, (Record) value);
            } catch (CompileException e) {
                throw e;
            } catch (Exception e) {
                throw new CompileException("middleware \"" + name + "\": " + e.getMessage(), e);
            }
        }
        throw new CompileException("middleware \"" + name + "\" has no type");
    }
}
