package io.trafficcop.proxy.config.validate;

import io.trafficcop.proxy.config.dynamic.DynamicConfiguration;
import io.trafficcop.proxy.config.dynamic.HttpConfiguration;
import io.trafficcop.proxy.config.dynamic.Middleware;
import io.trafficcop.proxy.config.dynamic.Router;
import io.trafficcop.proxy.config.dynamic.ServersTransport;
import io.trafficcop.proxy.config.dynamic.Service;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The dynamic configuration of every provider, merged into one namespace of qualified names as Traefik's
 * runtime has it: {@code whoami@file}, {@code api@internal}. A reference without {@code @} means the
 * referring object's own provider.
 *
 * @param routers HTTP routers by qualified name
 * @param services HTTP services by qualified name
 * @param middlewares HTTP middlewares by qualified name
 * @param serversTransports HTTP servers transports by qualified name
 * @param paths the configuration path of each object ({@code http.routers.r}), for problems
 * @param locations where each object was written, by qualified name
 */
public record QualifiedConfiguration(Map<String, Router> routers, Map<String, Service> services,
        Map<String, Middleware> middlewares, Map<String, ServersTransport> serversTransports,
        Map<String, String> paths, Map<String, Location> locations) {

    /** One provider's part. */
    public record Part(String provider, DynamicConfiguration configuration, Function<String, Location> locate) {
    }

    /** Traefik's qualified name: {@code name@provider}, unless {@code name} already names its provider. */
    public static String qualify(String name, String provider) {
        return name.indexOf('@') >= 0 ? name : name + "@" + provider;
    }

    /** The provider of a qualified name. */
    public static String providerOf(String qualifiedName) {
        int at = qualifiedName.lastIndexOf('@');
        return at < 0 ? "" : qualifiedName.substring(at + 1);
    }

    public static QualifiedConfiguration merge(Iterable<Part> parts) {
        Map<String, Router> routers = new LinkedHashMap<>();
        Map<String, Service> services = new LinkedHashMap<>();
        Map<String, Middleware> middlewares = new LinkedHashMap<>();
        Map<String, ServersTransport> transports = new LinkedHashMap<>();
        Map<String, String> paths = new LinkedHashMap<>();
        Map<String, Location> locations = new LinkedHashMap<>();
        for (Part part : parts) {
            HttpConfiguration http = part.configuration() == null ? null : part.configuration().http();
            if (http == null) {
                continue;
            }
            add(part, "http.routers", http.routers(), routers, paths, locations);
            add(part, "http.services", http.services(), services, paths, locations);
            add(part, "http.middlewares", http.middlewares(), middlewares, paths, locations);
            add(part, "http.serversTransports", http.serversTransports(), transports, paths, locations);
        }
        return new QualifiedConfiguration(Collections.unmodifiableMap(routers), Collections.unmodifiableMap(services),
                Collections.unmodifiableMap(middlewares), Collections.unmodifiableMap(transports),
                Collections.unmodifiableMap(paths), Collections.unmodifiableMap(locations));
    }

    private static <T> void add(Part part, String collectionPath, Map<String, T> source, Map<String, T> target,
            Map<String, String> paths, Map<String, Location> locations) {
        if (source == null) {
            return;
        }
        source.forEach((name, value) -> {
            if (value == null) {
                return;
            }
            String qualified = qualify(name, part.provider());
            String path = collectionPath + "." + name;
            target.put(qualified, value);
            paths.put(qualified, path);
            locations.put(qualified, part.locate().apply(path));
        });
    }

    /** The problem for object {@code qualifiedName}, at {@code subPath} below it (may be empty). */
    public Problem problem(String qualifiedName, String subPath, String message) {
        String path = paths.getOrDefault(qualifiedName, qualifiedName);
        Location location = locations.getOrDefault(qualifiedName, Location.UNKNOWN);
        return location.problem(subPath.isEmpty() ? path : path + "." + subPath, message);
    }
}
