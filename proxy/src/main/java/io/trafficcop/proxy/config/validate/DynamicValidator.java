package io.trafficcop.proxy.config.validate;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import io.trafficcop.proxy.config.dynamic.Chain;
import io.trafficcop.proxy.config.dynamic.LoadBalancer;
import io.trafficcop.proxy.config.dynamic.Middleware;
import io.trafficcop.proxy.config.dynamic.Router;
import io.trafficcop.proxy.config.dynamic.Server;
import io.trafficcop.proxy.config.dynamic.Service;
import io.trafficcop.proxy.upstream.ServerUrl;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Checks what the schema cannot: rules that do not parse, references to routers' services, middlewares,
 * entry points and transports that do not exist, chain cycles, and values that must be regular
 * expressions, CIDRs or URLs. Every problem is reported with the object's file, line and path; the
 * objects with errors are returned so that the runtime disables them (as Traefik does) while the rest
 * keeps serving.
 */
public final class DynamicValidator {

    /** x-trafficcop-*: TrafficCop's own strategies (service.loadbalancer.leastconn, .random). */
    private static final Set<String> STRATEGIES = Set.of("wrr", "p2c", "hrw", "leasttime", "x-trafficcop-leastconn",
            "x-trafficcop-random");
    private static final Set<String> SERVER_SCHEMES = Set.of("http", "https", "h2c");

    /** Checks a router's rule; returns the error message, if any. */
    @FunctionalInterface
    public interface RuleCheck {
        Optional<String> check(String rule, String ruleSyntax);
    }

    /** Objects TrafficCop provides itself, referable as {@code name@internal}. */
    public static final Set<String> INTERNAL_SERVICES = Set.of("noop@internal", "ping@internal", "api@internal",
            "dashboard@internal", "prometheus@internal", "rest@internal", "acme-http@internal");

    /**
     * What validation found.
     *
     * @param disabled the objects with errors, by {@link QualifiedConfiguration#key}
     */
    public record Result(List<Problem> errors, Set<String> disabled) {
    }

    private final QualifiedConfiguration config;
    private final Set<String> entryPoints;
    private final RuleCheck ruleCheck;
    private final List<Problem> errors = new ArrayList<>();
    private final Set<String> disabled = new LinkedHashSet<>();

    private DynamicValidator(QualifiedConfiguration config, Set<String> entryPoints, RuleCheck ruleCheck) {
        this.config = config;
        this.entryPoints = entryPoints;
        this.ruleCheck = ruleCheck;
    }

    /**
     * @param entryPoints the names of the static configuration's entry points, or null not to check them
     */
    public static Result validate(QualifiedConfiguration config, Set<String> entryPoints, RuleCheck ruleCheck) {
        DynamicValidator validator = new DynamicValidator(config, entryPoints, ruleCheck);
        validator.collection = QualifiedConfiguration.MIDDLEWARES;
        config.middlewares().forEach(validator::checkMiddleware);
        validator.collection = QualifiedConfiguration.SERVICES;
        config.services().forEach(validator::checkService);
        validator.collection = QualifiedConfiguration.ROUTERS;
        config.routers().forEach(validator::checkRouter);
        return new Result(List.copyOf(validator.errors), Set.copyOf(validator.disabled));
    }

    private String collection = QualifiedConfiguration.ROUTERS;

    private void error(String qualifiedName, String subPath, String message) {
        errors.add(config.problem(collection, qualifiedName, subPath, message));
        disabled.add(QualifiedConfiguration.key(collection, qualifiedName));
    }

    private void checkRouter(String name, Router router) {
        String provider = QualifiedConfiguration.providerOf(name);
        if (router.rule() == null || router.rule().isBlank()) {
            error(name, "rule", "the rule is missing");
        } else {
            ruleCheck.check(router.rule(), router.ruleSyntax()).ifPresent(message -> error(name, "rule", message));
        }
        if (router.service() == null || router.service().isBlank()) {
            error(name, "service", "the service is missing on the router");
        } else {
            String service = QualifiedConfiguration.qualify(router.service(), provider);
            if (!serviceExists(service)) {
                error(name, "service", "service \"" + service + "\" does not exist");
            }
        }
        checkMiddlewareReferences(name, "middlewares", router.middlewares(), provider);
        if (router.entryPoints() != null && entryPoints != null) {
            for (int i = 0; i < router.entryPoints().size(); i++) {
                String entryPoint = router.entryPoints().get(i);
                if (!entryPoints.contains(entryPoint)) {
                    error(name, "entryPoints[" + i + "]", "entry point \"" + entryPoint + "\" does not exist");
                }
            }
        }
    }

    private boolean serviceExists(String qualifiedName) {
        return config.services().containsKey(qualifiedName) || INTERNAL_SERVICES.contains(qualifiedName);
    }

    private void checkMiddlewareReferences(String owner, String subPath, List<String> references, String provider) {
        if (references == null) {
            return;
        }
        for (int i = 0; i < references.size(); i++) {
            String middleware = QualifiedConfiguration.qualify(references.get(i), provider);
            if (!config.middlewares().containsKey(middleware)) {
                error(owner, subPath + "[" + i + "]", "middleware \"" + middleware + "\" does not exist");
            }
        }
    }

    private void checkService(String name, Service service) {
        List<String> kinds = setComponents(service, Set.of("middlewares"));
        if (kinds.isEmpty()) {
            error(name, "", "the service has no type: set one of loadBalancer, weighted, mirroring, failover, "
                    + "highestRandomWeight");
            return;
        }
        if (kinds.size() > 1) {
            error(name, "", "multi-types service not supported, consider declaring two different pieces of service "
                    + "instead (found " + String.join(", ", kinds) + ")");
            return;
        }
        String provider = QualifiedConfiguration.providerOf(name);
        if (service.loadBalancer() != null) {
            checkLoadBalancer(name, service.loadBalancer(), provider);
        }
        if (service.weighted() != null && service.weighted().services() != null) {
            for (int i = 0; i < service.weighted().services().size(); i++) {
                checkServiceReference(name, "weighted.services[" + i + "].name",
                        service.weighted().services().get(i).name(), provider);
            }
        }
        if (service.mirroring() != null) {
            checkServiceReference(name, "mirroring.service", service.mirroring().service(), provider);
            if (service.mirroring().mirrors() != null) {
                for (int i = 0; i < service.mirroring().mirrors().size(); i++) {
                    checkServiceReference(name, "mirroring.mirrors[" + i + "].name",
                            service.mirroring().mirrors().get(i).name(), provider);
                }
            }
        }
        if (service.failover() != null) {
            checkServiceReference(name, "failover.service", service.failover().service(), provider);
            checkServiceReference(name, "failover.fallback", service.failover().fallback(), provider);
        }
        if (service.highestRandomWeight() != null && service.highestRandomWeight().services() != null) {
            for (int i = 0; i < service.highestRandomWeight().services().size(); i++) {
                checkServiceReference(name, "highestRandomWeight.services[" + i + "].name",
                        service.highestRandomWeight().services().get(i).name(), provider);
            }
        }
        checkMiddlewareReferences(name, "middlewares", service.middlewares(), provider);
    }

    private void checkServiceReference(String owner, String subPath, String reference, String provider) {
        if (reference == null || reference.isBlank()) {
            error(owner, subPath, "the service name is missing");
            return;
        }
        String qualified = QualifiedConfiguration.qualify(reference, provider);
        if (!serviceExists(qualified)) {
            error(owner, subPath, "service \"" + qualified + "\" does not exist");
        }
    }

    private void checkLoadBalancer(String name, LoadBalancer loadBalancer, String provider) {
        if (loadBalancer.servers() != null) {
            for (int i = 0; i < loadBalancer.servers().size(); i++) {
                int index = i; // the path is a string only when the URL has a problem
                checkServerUrl(name, () -> "loadBalancer.servers[" + index + "].url", loadBalancer.servers().get(i).url());
            }
        }
        if (loadBalancer.serversTransport() != null && !loadBalancer.serversTransport().isEmpty()) {
            String transport = QualifiedConfiguration.qualify(loadBalancer.serversTransport(), provider);
            if (!config.serversTransports().containsKey(transport) && !transport.equals("default@internal")) {
                error(name, "loadBalancer.serversTransport", "servers transport \"" + transport + "\" does not exist");
            }
        }
        String strategy = loadBalancer.strategy();
        if (strategy != null && !STRATEGIES.contains(strategy.toLowerCase())) {
            error(name, "loadBalancer.strategy", "unknown load-balancing strategy \"" + strategy
                    + "\": use wrr, p2c, hrw, leasttime, x-trafficcop-leastconn or x-trafficcop-random");
        }
    }

    private void checkServerUrl(String owner, Supplier<String> subPath, String url) {
        if (url == null || url.isBlank()) {
            error(owner, subPath.get(), "the server URL is missing");
            return;
        }
        try {
            ServerUrl parts = ServerUrl.parse(url);
            String scheme = parts.scheme() == null ? "" : parts.scheme();
            if (!SERVER_SCHEMES.contains(scheme) || parts.host() == null) {
                error(owner, subPath.get(),
                        "invalid server URL \"" + url + "\": expected http://, https:// or h2c:// and a host");
            }
        } catch (URISyntaxException e) {
            error(owner, subPath.get(), "invalid server URL \"" + url + "\": " + e.getReason());
        }
    }

    private void checkMiddleware(String name, Middleware middleware) {
        List<String> kinds = setComponents(middleware, Set.of());
        if (kinds.isEmpty()) {
            error(name, "", "the middleware has no type");
            return;
        }
        if (kinds.size() > 1) {
            error(name, "", "a middleware has exactly one type (found " + String.join(", ", kinds) + ")");
            return;
        }
        String provider = QualifiedConfiguration.providerOf(name);
        if (middleware.plugin() != null) {
            error(name, "plugin", "Traefik plugins are not supported by TrafficCop");
        }
        if (middleware.chain() != null) {
            checkMiddlewareReferences(name, "chain.middlewares", middleware.chain().middlewares(), provider);
            findCycle(name, new LinkedHashSet<>()).ifPresent(cycle -> error(name, "chain.middlewares",
                    "recursion detected in " + String.join(" -> ", cycle)));
        }
        if (middleware.stripPrefixRegex() != null && middleware.stripPrefixRegex().regex() != null) {
            List<String> regexes = middleware.stripPrefixRegex().regex();
            for (int i = 0; i < regexes.size(); i++) {
                checkRegex(name, "stripPrefixRegex.regex[" + i + "]", regexes.get(i));
            }
        }
        if (middleware.replacePathRegex() != null) {
            checkRegex(name, "replacePathRegex.regex", middleware.replacePathRegex().regex());
        }
        if (middleware.redirectRegex() != null) {
            checkRegex(name, "redirectRegex.regex", middleware.redirectRegex().regex());
        }
        if (middleware.headers() != null && middleware.headers().accessControlAllowOriginListRegex() != null) {
            List<String> regexes = middleware.headers().accessControlAllowOriginListRegex();
            for (int i = 0; i < regexes.size(); i++) {
                checkRegex(name, "headers.accessControlAllowOriginListRegex[" + i + "]", regexes.get(i));
            }
        }
        if (middleware.forwardAuth() != null) {
            String regex = middleware.forwardAuth().authResponseHeadersRegex();
            if (regex != null && !regex.isEmpty()) {
                checkRegex(name, "forwardAuth.authResponseHeadersRegex", regex);
            }
            checkAbsoluteUrl(name, "forwardAuth.address", middleware.forwardAuth().address());
        }
        if (middleware.ipAllowList() != null) {
            checkCidrs(name, "ipAllowList.sourceRange", middleware.ipAllowList().sourceRange());
            if (middleware.ipAllowList().ipStrategy() != null) {
                checkCidrs(name, "ipAllowList.ipStrategy.excludedIPs", middleware.ipAllowList().ipStrategy().excludedIPs());
            }
        }
        if (middleware.ipWhiteList() != null) {
            checkCidrs(name, "ipWhiteList.sourceRange", middleware.ipWhiteList().sourceRange());
        }
        if (middleware.errors() != null && middleware.errors().service() != null) {
            checkServiceReference(name, "errors.service", middleware.errors().service(), provider);
        }
    }

    /** A path of chain references from {@code start} back to itself, if there is one. */
    private Optional<List<String>> findCycle(String start, LinkedHashSet<String> visiting) {
        if (!visiting.add(start)) {
            List<String> cycle = new ArrayList<>(visiting);
            cycle.add(start);
            return Optional.of(cycle.subList(cycle.indexOf(start), cycle.size()));
        }
        Middleware middleware = config.middlewares().get(start);
        Chain chain = middleware == null ? null : middleware.chain();
        if (chain != null && chain.middlewares() != null) {
            String provider = QualifiedConfiguration.providerOf(start);
            for (String reference : chain.middlewares()) {
                Optional<List<String>> cycle = findCycle(QualifiedConfiguration.qualify(reference, provider), visiting);
                if (cycle.isPresent()) {
                    return cycle;
                }
            }
        }
        visiting.remove(start);
        return Optional.empty();
    }

    private void checkRegex(String owner, String subPath, String regex) {
        if (regex == null) {
            return;
        }
        try {
            Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            error(owner, subPath, "invalid regular expression \"" + regex + "\": " + e.getDescription());
        }
    }

    private void checkAbsoluteUrl(String owner, String subPath, String url) {
        if (url == null || url.isBlank()) {
            error(owner, subPath, "the address is missing");
            return;
        }
        try {
            URI uri = new URI(url);
            if (uri.getScheme() == null || uri.getHost() == null) {
                error(owner, subPath, "invalid URL \"" + url + "\": expected an absolute http:// or https:// URL");
            }
        } catch (URISyntaxException e) {
            error(owner, subPath, "invalid URL \"" + url + "\": " + e.getReason());
        }
    }

    private void checkCidrs(String owner, String subPath, List<String> values) {
        if (values == null) {
            return;
        }
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            if (!Cidr.isValid(value)) {
                error(owner, subPath + "[" + i + "]", "invalid IP or CIDR \"" + value + "\"");
            }
        }
    }

    private static final ClassValue<RecordComponent[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected RecordComponent[] computeValue(Class<?> type) {
            return type.getRecordComponents();
        }
    };

    /** The names of the non-null components of a record, but those in {@code ignored}. */
    private static List<String> setComponents(Record record, Set<String> ignored) {
        List<String> set = new ArrayList<>(1);
        for (RecordComponent component : COMPONENTS.get(record.getClass())) {
            if (ignored.contains(component.getName())) {
                continue;
            }
            try {
                if (component.getAccessor().invoke(record) != null) {
                    set.add(component.getName());
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return set;
    }
}
