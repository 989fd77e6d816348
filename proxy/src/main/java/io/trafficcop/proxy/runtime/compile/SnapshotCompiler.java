package io.trafficcop.proxy.runtime.compile;

import io.trafficcop.proxy.config.dynamic.Router;
import io.trafficcop.proxy.config.dynamic.RouterTlsConfig;
import io.trafficcop.proxy.config.install.EntryPointTls;
import io.trafficcop.proxy.config.types.Domain;
import io.trafficcop.proxy.http.Exchange;
import io.trafficcop.proxy.rule.HttpRuleParser;
import io.trafficcop.proxy.tls.SniCheck;
import io.trafficcop.proxy.tls.SniSslContexts;
import io.trafficcop.proxy.tls.TlsRouterHosts;
import io.trafficcop.proxy.tls.TlsTermination;
import io.trafficcop.proxy.tls.acme.AcmeResolvers;
import io.trafficcop.proxy.tls.acme.HttpChallengeTokens;
import io.trafficcop.proxy.config.dynamic.ServersTransport;
import io.trafficcop.proxy.config.install.EntryPoint;
import io.trafficcop.proxy.config.install.Ping;
import io.trafficcop.proxy.config.install.RedirectEntryPoint;
import io.trafficcop.proxy.config.install.StaticConfiguration;
import io.trafficcop.proxy.config.validate.DynamicConfigurationBuilder;
import io.trafficcop.proxy.config.validate.ListenAddress;
import io.trafficcop.proxy.config.validate.Problem;
import io.trafficcop.proxy.config.validate.QualifiedConfiguration;
import io.trafficcop.proxy.http.HttpHandler;
import io.trafficcop.proxy.http.PingHandler;
import io.trafficcop.proxy.middleware.EntryPointRedirection;
import io.trafficcop.proxy.middleware.Middleware;
import io.trafficcop.proxy.middleware.MiddlewareChain;
import io.trafficcop.proxy.rule.HttpRouteTable;
import io.trafficcop.proxy.rule.RuleException;
import io.trafficcop.proxy.rule.RuleSyntax;
import io.trafficcop.proxy.runtime.RouteSelector;
import io.trafficcop.proxy.runtime.RouterRuntime;
import io.trafficcop.proxy.runtime.ServersTransportSettings;
import io.trafficcop.proxy.runtime.Snapshot;
import io.trafficcop.proxy.runtime.UpstreamTlsSettings;
import io.trafficcop.proxy.upstream.UpstreamSslContexts;
import java.time.Duration;
import java.util.ArrayList;
import io.trafficcop.proxy.middleware.ratelimit.RateLimitRegistry;
import io.trafficcop.proxy.service.HttpServiceBuilder;
import io.trafficcop.proxy.service.ServiceContext;
import java.util.HashMap;
import java.util.HashSet;
import java.util.random.RandomGenerator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compiles a validated dynamic configuration, with the static configuration in force, into an immutable
 * {@link Snapshot}: per entry point, the route table of its routers, each with its middleware chain and
 * service built once. As in Traefik, an object that cannot be built is left out with its error while
 * everything else serves; the internal routers ({@code ping@internal}, entry point redirections) are added
 * here as Traefik's internal provider adds them.
 */
public final class SnapshotCompiler {

    /**
     * The snapshot and the errors met building it.
     *
     * @param afterSwap to run once the snapshot serves: lets go of the state only older snapshots used
     */
    public record Compiled(Snapshot snapshot, List<Problem> errors, int routers, Runnable afterSwap) {
    }

    private final StaticConfiguration staticConfiguration;
    private final RuntimeRegistries registries;
    private final AcmeResolvers acme;

    public SnapshotCompiler(StaticConfiguration effectiveStaticConfiguration, RuntimeRegistries registries) {
        this(effectiveStaticConfiguration, registries, AcmeResolvers.none());
    }

    /**
     * @param acme the ACME resolvers: routers ask them for certificates, which are served beside the configured ones
     */
    public SnapshotCompiler(StaticConfiguration effectiveStaticConfiguration, RuntimeRegistries registries,
            AcmeResolvers acme) {
        this.staticConfiguration = effectiveStaticConfiguration;
        this.registries = registries;
        this.acme = acme;
    }

    public Compiled compile(DynamicConfigurationBuilder.Built built) {
        QualifiedConfiguration config = built.configuration();
        List<Problem> errors = new ArrayList<>();
        Map<String, HttpRouteTable.Builder<RouterRuntime>> tables = new LinkedHashMap<>();
        Map<String, HttpRouteTable.Builder<RouterRuntime>> tlsTables = new LinkedHashMap<>();
        Map<String, List<TlsRouterHosts>> tlsHosts = new LinkedHashMap<>();
        for (String entryPoint : entryPoints().keySet()) {
            tables.put(entryPoint, HttpRouteTable.builder());
            tlsTables.put(entryPoint, HttpRouteTable.builder());
            tlsHosts.put(entryPoint, new ArrayList<>());
        }
        TlsTermination termination = TlsTermination.build(config.tls(), acme.certificates(), registries.tlsChallenges());
        termination.errors().forEach(message -> errors.add(new Problem("tls", 0, "tls", message)));
        HttpServiceBuilder services = new HttpServiceBuilder(enabled(config.services(), built.disabled(),
                QualifiedConfiguration.SERVICES), serviceContext(config, built.disabled()));
        Set<RateLimitRegistry.Key> rateLimits = new HashSet<>();
        MiddlewareCompiler middlewares = new MiddlewareCompiler(config.middlewares(),
                MiddlewareFactories.all(registries, rateLimits, (reference, middleware) -> {
                    try {
                        return serviceHandler(services, QualifiedConfiguration.qualify(reference,
                                QualifiedConfiguration.providerOf(middleware)));
                    } catch (CompileException e) {
                        return null;
                    }
                }));
        int routerCount = 0;

        for (Map.Entry<String, Router> entry : config.routers().entrySet()) {
            String name = entry.getKey();
            Router router = entry.getValue();
            if (!built.disabled().isEmpty()
                    && built.disabled().contains(QualifiedConfiguration.key(QualifiedConfiguration.ROUTERS, name))) {
                continue; // its errors are reported already
            }
            String provider = QualifiedConfiguration.providerOf(name);
            try {
                HttpHandler service = serviceHandler(services, QualifiedConfiguration.qualify(router.service(), provider));
                for (String entryPoint : routerEntryPoints(router)) {
                    if (!tables.containsKey(entryPoint)) {
                        continue;
                    }
                    RouterTlsConfig tls = router.tls() != null ? router.tls() : entryPointTls(entryPoint);
                    List<Middleware> chain = new ArrayList<>();
                    HttpRouteTable.Builder<RouterRuntime> table = tables.get(entryPoint);
                    if (tls != null) {
                        // a TLS router serves TLS connections only, with the options of its hosts
                        String options = QualifiedConfiguration.qualifyTlsOptions(tls.options(), provider);
                        if (!options.equals(QualifiedConfiguration.DEFAULT_TLS_OPTIONS) && !termination.hasOptions(options)) {
                            throw new CompileException("unknown TLS options: " + options);
                        }
                        List<String> hosts = HttpRuleParser.parseDomains(router.rule());
                        tlsHosts.get(entryPoint).add(new TlsRouterHosts(name, hosts, options));
                        if (tls.certResolver() != null && !tls.certResolver().isEmpty()
                                && !acme.resolve(tls.certResolver(), hosts, tls.domains())) {
                            errors.add(config.problem(QualifiedConfiguration.ROUTERS, name, "tls.certResolver",
                                    "certificate resolver \"" + tls.certResolver() + "\" does not exist"));
                        }
                        chain.add(new SniCheck(name, options));
                        table = tlsTables.get(entryPoint);
                    }
                    chain.addAll(middlewares.resolve(entryPointMiddlewares(entryPoint), provider));
                    chain.addAll(middlewares.resolve(router.middlewares(), provider));
                    HttpHandler handler = MiddlewareChain.build(chain, service);
                    table.add(name, router.rule(), syntax(router), RouterPriority.toTable(
                            router.priority() == null ? 0 : router.priority()), new RouterRuntime(name, handler,
                            router.observability() == null ? null : router.observability().accessLogs()));
                }
                routerCount++;
            } catch (RuleException e) {
                errors.add(config.problem(QualifiedConfiguration.ROUTERS, name, "rule", e.getMessage()));
            } catch (CompileException | RuntimeException e) {
                errors.add(config.problem(QualifiedConfiguration.ROUTERS, name, "", e.getMessage()));
            }
        }
        addInternalRouters(tables, errors);

        Map<String, RouteSelector> selectors = new LinkedHashMap<>();
        Map<String, SniSslContexts> contexts = new LinkedHashMap<>();
        tables.forEach((entryPoint, table) -> {
            HttpRouteTable<RouterRuntime> plain = table.build();
            HttpRouteTable<RouterRuntime> secure = tlsTables.get(entryPoint).build();
            selectors.put(entryPoint, request -> request instanceof Exchange exchange && exchange.isSecure()
                    ? secure.match(request) : plain.match(request));
            contexts.put(entryPoint, termination.forEntryPoint(tlsHosts.get(entryPoint)));
        });
        services.errors().forEach((name, message) -> {
            if (config.services().containsKey(name)) {
                errors.add(config.problem(QualifiedConfiguration.SERVICES, name, "", message));
            }
        });
        Set<String> serviceNames = Set.copyOf(config.services().keySet());
        boolean tlsRouters = tlsHosts.values().stream().anyMatch(hosts -> !hosts.isEmpty());
        Runnable afterSwap = () -> {
            if (tlsRouters) {
                termination.prepareDefaultCertificate(); // in the background, once plain HTTP is served
            }
            if (registries.healthChecks() != null) {
                registries.healthChecks().retainOnly(serviceNames);
            }
            registries.rateLimits().retainOnly(rateLimits);
        };
        return new Compiled(new Snapshot(selectors, contexts), errors, routerCount, afterSwap);
    }

    private static <T> Map<String, T> enabled(Map<String, T> objects, Set<String> disabled, String collection) {
        if (disabled.isEmpty()) {
            return objects; // the usual case: no key string per object to look for
        }
        Map<String, T> enabled = new LinkedHashMap<>();
        objects.forEach((name, value) -> {
            if (!disabled.contains(QualifiedConfiguration.key(collection, name))) {
                enabled.put(name, value);
            }
        });
        return enabled;
    }

    private ServiceContext serviceContext(QualifiedConfiguration config, Set<String> disabled) {
        Map<String, ServersTransportSettings> transports = transports(config, disabled);
        ServersTransportSettings defaultTransport = defaultTransport();
        // each transport's TLS settings are checked once, not once per service using it (10,000 services share one)
        // (an unknown transport, null, is not remembered: computeIfAbsent keeps no null)
        Map<String, ServersTransportSettings> checked = new ConcurrentHashMap<>();
        return new ServiceContext(name -> checked.computeIfAbsent(name == null ? "default@internal" : name,
                key -> checkedTls(key.equals("default@internal") ? defaultTransport : transports.get(key))),
                registries.healthChecks(), registries.serviceMetrics(), RandomGenerator.getDefault());
    }

    private HttpHandler serviceHandler(HttpServiceBuilder services, String name) throws CompileException {
        if (name.equals("noop@internal")) {
            return InternalHandlers.NOOP;
        }
        if (name.equals("ping@internal")) {
            return new PingHandler(ping() == null ? PingHandler.DEFAULT_TERMINATING_STATUS_CODE
                    : ping().terminatingStatusCode());
        }
        try {
            return services.build(name);
        } catch (IllegalArgumentException e) {
            throw new CompileException("service \"" + name + "\": " + e.getMessage(), e);
        }
    }

    private void addInternalRouters(Map<String, HttpRouteTable.Builder<RouterRuntime>> tables, List<Problem> errors) {
        Ping ping = ping();
        if (ping != null && !Boolean.TRUE.equals(ping.manualRouting())) {
            HttpRouteTable.Builder<RouterRuntime> table = tables.get(ping.entryPoint());
            if (table == null) {
                errors.add(new Problem("static configuration", 0, "ping.entryPoint",
                        "entry point \"" + ping.entryPoint() + "\" does not exist"));
            } else {
                addInternal(table, PingHandler.ROUTER_NAME, PingHandler.RULE, PingHandler.PRIORITY,
                        new PingHandler(ping.terminatingStatusCode()), errors);
            }
        }
        for (String entryPoint : acme.httpChallengeEntryPoints()) {
            HttpRouteTable.Builder<RouterRuntime> table = tables.get(entryPoint);
            if (table == null) {
                errors.add(new Problem("static configuration", 0, "certificatesResolvers.acme.httpChallenge.entryPoint",
                        "entry point \"" + entryPoint + "\" does not exist"));
            } else {
                addInternal(table, "acme-http@internal", "PathPrefix(`" + HttpChallengeTokens.PATH_PREFIX + "`)",
                        Long.MAX_VALUE, acme.httpTokens().handler(), errors);
            }
        }
        entryPoints().forEach((name, entryPoint) -> {
            RedirectEntryPoint redirect = entryPoint.http() == null || entryPoint.http().redirections() == null
                    ? null : entryPoint.http().redirections().entryPoint();
            if (redirect == null || redirect.to() == null || redirect.to().isEmpty()) {
                return;
            }
            String port;
            try {
                port = EntryPointRedirection.redirectPort(redirect.to(), entryPointAddresses());
            } catch (IllegalArgumentException e) {
                errors.add(new Problem("static configuration", 0, "entryPoints." + name + ".http.redirections.entryPoint.to",
                        e.getMessage()));
                return;
            }
            EntryPointRedirection redirection = new EntryPointRedirection(redirect.scheme(), port,
                    redirect.permanent() == null || redirect.permanent());
            long priority = redirect.priority() == null || redirect.priority() == 0
                    ? EntryPointRedirection.DEFAULT_PRIORITY : redirect.priority();
            addInternal(tables.get(name), EntryPointRedirection.routerName(name, redirect.to()) + "@internal",
                    EntryPointRedirection.RULE, priority, redirection.wrap(InternalHandlers.NOOP), errors);
        });
    }

    private static void addInternal(HttpRouteTable.Builder<RouterRuntime> table, String name, String rule,
            long priority, HttpHandler handler, List<Problem> errors) {
        try {
            table.add(name, rule, RuleSyntax.V3, RouterPriority.toTable(priority), new RouterRuntime(name, handler));
        } catch (RuleException e) {
            errors.add(new Problem("internal", 0, name, e.getMessage()));
        }
    }

    private Map<String, String> entryPointAddresses() {
        Map<String, String> addresses = new HashMap<>();
        entryPoints().forEach((name, entryPoint) -> addresses.put(name, entryPoint.address()));
        return addresses;
    }

    private RuleSyntax syntax(Router router) {
        String syntax = router.ruleSyntax();
        if (syntax == null || syntax.isEmpty()) {
            syntax = staticConfiguration.core() == null ? null : staticConfiguration.core().defaultRuleSyntax();
        }
        return RuleSyntax.of(syntax);
    }

    /** A router's entry points: its own, else Traefik's defaults (asDefault ones, else all but traefik and UDP). */
    private Set<String> routerEntryPoints(Router router) {
        if (router.entryPoints() != null && !router.entryPoints().isEmpty()) {
            return new TreeSet<>(router.entryPoints());
        }
        boolean anyAsDefault = entryPoints().values().stream().anyMatch(ep -> Boolean.TRUE.equals(ep.asDefault()));
        Set<String> defaults = new TreeSet<>();
        entryPoints().forEach((name, entryPoint) -> {
            if (anyAsDefault && !Boolean.TRUE.equals(entryPoint.asDefault())) {
                return;
            }
            if (!name.equals("traefik") && !isUdp(entryPoint)) {
                defaults.add(name);
            }
        });
        return defaults;
    }

    private static boolean isUdp(EntryPoint entryPoint) {
        try {
            return ListenAddress.parse(entryPoint.address()).udp();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** An entry point's {@code http.tls}: the TLS configuration of its routers that have none of their own. */
    private RouterTlsConfig entryPointTls(String entryPoint) {
        EntryPoint config = entryPoints().get(entryPoint);
        EntryPointTls tls = config == null || config.http() == null ? null : config.http().tls();
        if (tls == null) {
            return null;
        }
        List<Domain> domains = tls.domains() == null ? null : tls.domains().stream()
                .map(domain -> new Domain(domain.main(), domain.sans())).toList();
        return new RouterTlsConfig(tls.options(), tls.certResolver(), domains);
    }

    private List<String> entryPointMiddlewares(String entryPoint) {
        EntryPoint config = entryPoints().get(entryPoint);
        return config == null || config.http() == null || config.http().middlewares() == null
                ? List.of() : config.http().middlewares();
    }

    private Map<String, EntryPoint> entryPoints() {
        return staticConfiguration.entryPoints() == null ? Map.of() : staticConfiguration.entryPoints();
    }

    private Ping ping() {
        return staticConfiguration.ping();
    }

    /** Builds (once, cached) the transport's client SslContexts so that invalid TLS settings fail the service. */
    private static ServersTransportSettings checkedTls(ServersTransportSettings transport) {
        if (transport != null && !transport.tls().equals(UpstreamTlsSettings.DEFAULTS)) {
            try {
                UpstreamSslContexts.validate(transport.tls());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("servers transport \"" + transport.name() + "\": " + e.getMessage(), e);
            }
        }
        return transport;
    }

    private ServersTransportSettings defaultTransport() {
        var transport = staticConfiguration.serversTransport();
        if (transport == null) {
            return ServersTransportSettings.DEFAULTS;
        }
        var timeouts = transport.forwardingTimeouts();
        var tls = new UpstreamTlsSettings(null, Boolean.TRUE.equals(transport.insecureSkipVerify()),
                transport.rootCAs(), null, null, null, null, null);
        return transportSettings("default@internal", transport.maxIdleConnsPerHost(),
                ServersTransportSettings.DEFAULT_MAX_IDLE_CONNS_PER_HOST,
                timeouts == null ? null : timeouts.dialTimeout(),
                timeouts == null ? null : timeouts.responseHeaderTimeout(),
                timeouts == null ? null : timeouts.idleConnTimeout(), tls, false, null, null);
    }

    /** Traefik's transport defaults: Go's 2 idle connections per host for named ones, 30s dial, 90s idle. */
    private static ServersTransportSettings transportSettings(String name, Integer maxIdleConnsPerHost, int defaultIdle,
            io.trafficcop.proxy.config.GoDuration dial, io.trafficcop.proxy.config.GoDuration responseHeader,
            io.trafficcop.proxy.config.GoDuration idle, UpstreamTlsSettings tls, boolean disableHttp2,
            io.trafficcop.proxy.config.GoDuration readIdle, io.trafficcop.proxy.config.GoDuration ping) {
        return new ServersTransportSettings(name, maxIdleConnsPerHost == null ? defaultIdle : maxIdleConnsPerHost,
                dial == null ? Duration.ofSeconds(30) : dial.value(),
                responseHeader == null ? Duration.ZERO : responseHeader.value(),
                idle == null ? Duration.ofSeconds(90) : idle.value(),
                tls, disableHttp2,
                readIdle == null ? Duration.ZERO : readIdle.value(),
                ping == null ? null : ping.value());
    }

    private static Map<String, ServersTransportSettings> transports(QualifiedConfiguration config, Set<String> disabled) {
        Map<String, ServersTransportSettings> transports = new HashMap<>();
        for (Map.Entry<String, ServersTransport> entry : config.serversTransports().entrySet()) {
            if (disabled.contains(QualifiedConfiguration.key(QualifiedConfiguration.SERVERS_TRANSPORTS, entry.getKey()))) {
                continue;
            }
            ServersTransport transport = entry.getValue();
            var timeouts = transport.forwardingTimeouts();
            var tls = new UpstreamTlsSettings(transport.serverName(), Boolean.TRUE.equals(transport.insecureSkipVerify()),
                    transport.rootCAs(), transport.certificates(), transport.cipherSuites(), transport.minVersion(),
                    transport.maxVersion(), transport.peerCertURI(), transport.peerCertSANs());
            transports.put(entry.getKey(), transportSettings(entry.getKey(), transport.maxIdleConnsPerHost(), 2,
                    timeouts == null ? null : timeouts.dialTimeout(),
                    timeouts == null ? null : timeouts.responseHeaderTimeout(),
                    timeouts == null ? null : timeouts.idleConnTimeout(), tls,
                    Boolean.TRUE.equals(transport.disableHTTP2()),
                    timeouts == null ? null : timeouts.readIdleTimeout(),
                    timeouts == null ? null : timeouts.pingTimeout()));
        }
        return transports;
    }
}
