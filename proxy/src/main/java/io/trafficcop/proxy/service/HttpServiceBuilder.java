package io.trafficcop.proxy.service;

import io.trafficcop.proxy.config.dynamic.Service;
import io.trafficcop.proxy.service.failover.FailoverService;
import io.trafficcop.proxy.service.loadbalancer.hrw.HighestRandomWeightService;
import io.trafficcop.proxy.service.mirroring.MirroringService;
import io.trafficcop.proxy.service.weighted.WeightedService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the {@code http.services} of one configuration into {@link HttpService}s, as Traefik's service manager:
 * services are built on first use and shared (a child referenced twice is one object), references without
 * {@code @provider} take the referring service's provider, a service with more than one kind or none is an error,
 * and reference cycles are reported as Traefik does ("could not instantiate service a@file: recursion detected in
 * service:a@file->service:b@file->service:a@file"). A failed service records its error and fails its parents;
 * the others are unaffected. One builder per snapshot build; not thread-safe.
 */
public final class HttpServiceBuilder {

    private final Map<String, Service> configs;
    private final ServiceContext context;
    private final Map<String, HttpService> built = new HashMap<>();
    private final Map<String, String> errors = new LinkedHashMap<>();
    private final List<String> stack = new ArrayList<>();

    /** @param configs the services by qualified name ({@code name@provider}) */
    public HttpServiceBuilder(Map<String, Service> configs, ServiceContext context) {
        this.configs = configs;
        this.context = context;
    }

    /**
     * The service named {@code qualifiedName}, built with its children if needed.
     *
     * @throws IllegalArgumentException with the reason when it cannot be built (also kept in {@link #errors})
     */
    public HttpService build(String qualifiedName) {
        HttpService s = built.get(qualifiedName);
        if (s != null) {
            return s;
        }
        String known = errors.get(qualifiedName);
        if (known != null) {
            throw new IllegalArgumentException(known);
        }
        Service config = configs.get(qualifiedName);
        if (config == null) {
            throw new IllegalArgumentException("the service \"" + qualifiedName + "\" does not exist");
        }
        String frame = "service:" + qualifiedName;
        if (stack.contains(frame)) {
            List<String> path = new ArrayList<>(stack);
            path.add(frame);
            throw new IllegalArgumentException("could not instantiate service " + qualifiedName
                    + ": recursion detected in " + String.join("->", path));
        }
        stack.add(frame);
        try {
            s = create(qualifiedName, config);
            built.put(qualifiedName, s);
            return s;
        } catch (IllegalArgumentException e) {
            errors.putIfAbsent(qualifiedName, e.getMessage());
            throw e;
        } finally {
            stack.remove(stack.size() - 1);
        }
    }

    /** Builds every configured service; returns those that built (errors in {@link #errors}). */
    public Map<String, HttpService> buildAll() {
        Map<String, HttpService> out = new LinkedHashMap<>();
        for (String name : configs.keySet()) {
            try {
                out.put(name, build(name));
            } catch (IllegalArgumentException e) {
                // recorded
            }
        }
        return out;
    }

    /** The error of each service that could not be built, by qualified name. */
    public Map<String, String> errors() {
        return errors;
    }

    private HttpService create(String name, Service config) {
        int kinds = (config.loadBalancer() != null ? 1 : 0) + (config.weighted() != null ? 1 : 0)
                + (config.mirroring() != null ? 1 : 0) + (config.failover() != null ? 1 : 0)
                + (config.highestRandomWeight() != null ? 1 : 0);
        if (kinds > 1) {
            throw new IllegalArgumentException("cannot create service: multi-types service not supported, consider "
                    + "declaring two different pieces of service instead");
        }
        ServiceResolver children = child -> build(qualify(child, name));
        if (config.loadBalancer() != null) {
            return ServersLoadBalancer.create(name, config.loadBalancer(), context);
        }
        if (config.weighted() != null) {
            return WeightedService.create(name, config.weighted(), children, context);
        }
        if (config.mirroring() != null) {
            return MirroringService.create(name, config.mirroring(), children, context);
        }
        if (config.failover() != null) {
            return FailoverService.create(name, config.failover(), children, context);
        }
        if (config.highestRandomWeight() != null) {
            return HighestRandomWeightService.create(name, config.highestRandomWeight(), children, context);
        }
        throw new IllegalArgumentException("the service \"" + name + "\" does not have any type defined");
    }

    /** Traefik's GetQualifiedName: a name without '@' takes the provider of {@code referrer}. */
    public static String qualify(String name, String referrer) {
        if (name.indexOf('@') >= 0) {
            return name;
        }
        int at = referrer.lastIndexOf('@');
        return at < 0 ? name : name + referrer.substring(at);
    }
}
