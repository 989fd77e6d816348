package io.trafficcop.proxy.config.validate;

import io.trafficcop.proxy.config.dynamic.CertAndStores;
import io.trafficcop.proxy.config.dynamic.DynamicConfiguration;
import io.trafficcop.proxy.config.dynamic.TlsConfiguration;
import io.trafficcop.proxy.config.dynamic.TlsOptions;
import io.trafficcop.proxy.config.dynamic.TlsStore;
import io.trafficcop.proxy.config.dynamic.HttpConfiguration;
import io.trafficcop.proxy.config.dynamic.Middleware;
import io.trafficcop.proxy.config.dynamic.Router;
import io.trafficcop.proxy.config.dynamic.ServersTransport;
import io.trafficcop.proxy.config.dynamic.Service;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
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
 * @param paths the configuration path of each object whose name was written with its provider
 *     ({@code http.routers.r@file}), by {@link #key}; any other object's path is its name without the provider
 *     ({@code http.routers.r}), worked out when a problem needs it
 * @param locators where a path of each provider's configuration was written, by provider
 * @param tls every provider's TLS certificates, stores, and options under qualified names ({@code default}
 *     stays {@code default}, as in Traefik)
 */
public record QualifiedConfiguration(Map<String, Router> routers, Map<String, Service> services,
        Map<String, Middleware> middlewares, Map<String, ServersTransport> serversTransports,
        Map<String, String> paths, Map<String, Function<String, Location>> locators, TlsConfiguration tls) {

    /** The name of the TLS options every router uses unless it names others. */
    public static final String DEFAULT_TLS_OPTIONS = "default";

    /** A router's TLS options reference, qualified: {@code default} stays as it is. */
    public static String qualifyTlsOptions(String options, String provider) {
        if (options == null || options.isEmpty() || options.equals(DEFAULT_TLS_OPTIONS)) {
            return DEFAULT_TLS_OPTIONS;
        }
        return qualify(options, provider);
    }

    /** One provider's part. */
    public record Part(String provider, DynamicConfiguration configuration, Function<String, Location> locate) {
    }

    public static final String ROUTERS = "http.routers";
    public static final String SERVICES = "http.services";
    public static final String MIDDLEWARES = "http.middlewares";
    public static final String SERVERS_TRANSPORTS = "http.serversTransports";

    /** The key of an object across kinds: its collection and qualified name, {@code http.routers.r@file}. */
    public static String key(String collectionPath, String qualifiedName) {
        return collectionPath + "." + qualifiedName;
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
        Map<String, Function<String, Location>> locations = new LinkedHashMap<>();
        List<CertAndStores> certificates = new ArrayList<>();
        Map<String, TlsOptions> tlsOptions = new LinkedHashMap<>();
        Map<String, TlsStore> tlsStores = new LinkedHashMap<>();
        for (Part part : parts) {
            locations.put(part.provider(), part.locate());
            TlsConfiguration tls = part.configuration() == null ? null : part.configuration().tls();
            if (tls != null) {
                if (tls.certificates() != null) {
                    tls.certificates().stream().filter(java.util.Objects::nonNull).forEach(certificates::add);
                }
                if (tls.options() != null) {
                    tls.options().forEach((name, options) -> tlsOptions.put(qualifyTlsOptions(name, part.provider()), options));
                }
                if (tls.stores() != null) {
                    tlsStores.putAll(tls.stores());
                }
            }
            HttpConfiguration http = part.configuration() == null ? null : part.configuration().http();
            if (http == null) {
                continue;
            }
            add(part, ROUTERS, http.routers(), routers, paths, locations);
            add(part, SERVICES, http.services(), services, paths, locations);
            add(part, MIDDLEWARES, http.middlewares(), middlewares, paths, locations);
            add(part, SERVERS_TRANSPORTS, http.serversTransports(), transports, paths, locations);
        }
        return new QualifiedConfiguration(Collections.unmodifiableMap(routers), Collections.unmodifiableMap(services),
                Collections.unmodifiableMap(middlewares), Collections.unmodifiableMap(transports),
                Collections.unmodifiableMap(paths), Collections.unmodifiableMap(locations),
                new TlsConfiguration(certificates, tlsOptions, tlsStores));
    }

    private static <T> void add(Part part, String collectionPath, Map<String, T> source, Map<String, T> target,
            Map<String, String> paths, Map<String, Function<String, Location>> locations) {
        if (source == null) {
            return;
        }
        source.forEach((name, value) -> {
            if (value == null) {
                return;
            }
            String qualified = qualify(name, part.provider());
            target.put(qualified, value);
            if (name.indexOf('@') >= 0) {
                paths.put(key(collectionPath, qualified), collectionPath + "." + name);
            }
        });
    }

    private Map<String, ?> collection(String collectionPath) {
        return switch (collectionPath) {
            case ROUTERS -> routers;
            case SERVICES -> services;
            case MIDDLEWARES -> middlewares;
            case SERVERS_TRANSPORTS -> serversTransports;
            default -> Map.of();
        };
    }

    /** The problem for an object, at {@code subPath} below it (may be empty). */
    public Problem problem(String collectionPath, String qualifiedName, String subPath, String message) {
        String key = key(collectionPath, qualifiedName);
        String path = paths.get(key);
        if (path == null) {
            int at = qualifiedName.lastIndexOf('@');
            path = at >= 0 && collection(collectionPath).containsKey(qualifiedName)
                    ? collectionPath + "." + qualifiedName.substring(0, at) : key;
        }
        String fullPath = subPath.isEmpty() ? path : path + "." + subPath;
        Function<String, Location> locator = locators.get(providerOf(qualifiedName));
        Location location = locator == null ? Location.UNKNOWN : locator.apply(fullPath);
        return location.problem(fullPath, message);
    }
}
