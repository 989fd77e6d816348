package io.trafficcop.proxy.service;

import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.trafficcop.proxy.config.dynamic.LoadBalancer;
import io.trafficcop.proxy.config.dynamic.Server;
import io.trafficcop.proxy.http.Exchange;
import io.trafficcop.proxy.http.ResponseInterceptor;
import io.trafficcop.proxy.http.ReverseProxy;
import io.trafficcop.proxy.runtime.ServersTransportSettings;
import io.trafficcop.proxy.service.healthcheck.HealthCheckSettings;
import io.trafficcop.proxy.service.healthcheck.HealthChecker;
import io.trafficcop.proxy.service.healthcheck.PassiveHealthChecker;
import io.trafficcop.proxy.service.loadbalancer.HealthAwareSelector;
import io.trafficcop.proxy.service.loadbalancer.hrw.HighestRandomWeight;
import io.trafficcop.proxy.service.loadbalancer.leastconn.LeastConnections;
import io.trafficcop.proxy.service.loadbalancer.leasttime.LeastTime;
import io.trafficcop.proxy.service.loadbalancer.p2c.PowerOfTwoChoices;
import io.trafficcop.proxy.service.loadbalancer.random.WeightedRandom;
import io.trafficcop.proxy.service.loadbalancer.wrr.WeightedRoundRobin;
import io.trafficcop.proxy.service.metrics.ServiceStats;
import io.trafficcop.proxy.service.sticky.StickyCookie;
import io.trafficcop.proxy.service.sticky.StickySessions;
import io.trafficcop.proxy.upstream.UpstreamTarget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * Traefik's {@code http.services.<name>.loadBalancer} with all its options: {@code strategy} (wrr, p2c, hrw,
 * leasttime, and TrafficCop's {@code x-trafficcop-leastconn} and {@code x-trafficcop-random}), {@code servers} with
 * {@code weight} and {@code preservePath}, {@code sticky.cookie}, {@code healthCheck} (through the
 * {@link io.trafficcop.proxy.service.healthcheck.HealthCheckRegistry}), {@code passiveHealthCheck},
 * {@code passHostHeader}, {@code responseForwarding} and {@code serversTransport}. Picks a server, then reverse
 * proxies to it while recording per-server numbers (in-flight, time to first byte, latency, status) that strategies,
 * passive health checks and metrics read. With no available server it answers 503 "no available server".
 */
public final class ServersLoadBalancer implements HttpService, StatusSetter {

    static final String NO_AVAILABLE_SERVER = "no available server\n";

    private final String name;
    private final String strategy;
    /**
     * Only leasttime reads the time-to-first-byte ring (Traefik keeps it in its leasttime balancer alone): other
     * strategies skip a clock read and a lock per request.
     */
    private final boolean timesFirstByte;
    private final ServerSelector<BalancedServer> selector;
    private final List<BalancedServer> servers;
    private final ChildStatus status;
    private final StickySessions<BalancedServer> sticky;
    private final boolean passHostHeader;
    private final Duration flushInterval;
    private final ServiceStats stats;
    private PassiveHealthChecker passive;
    private HealthChecker healthChecker;

    private ServersLoadBalancer(String name, String strategy, ServerSelector<BalancedServer> selector,
                                List<BalancedServer> servers, ChildStatus status,
                                StickySessions<BalancedServer> sticky, boolean passHostHeader, Duration flushInterval,
                                ServiceStats stats) {
        this.name = name;
        this.strategy = strategy;
        this.timesFirstByte = "leasttime".equals(strategy);
        this.selector = selector;
        this.servers = servers;
        this.status = status;
        this.sticky = sticky;
        this.passHostHeader = passHostHeader;
        this.flushInterval = flushInterval;
        this.stats = stats;
    }

    /**
     * Builds the load balancer of service {@code serviceName} (qualified) and, when it has a healthCheck, attaches it
     * to its (possibly already running) active health checker.
     *
     * @throws IllegalArgumentException naming the option when the configuration is invalid
     */
    public static ServersLoadBalancer create(String serviceName, LoadBalancer config, ServiceContext context) {
        String strategy = config.strategy() == null || config.strategy().isEmpty() ? "wrr"
                : config.strategy().toLowerCase(Locale.ROOT);
        boolean wantsHealthCheck = config.healthCheck() != null;
        HealthCheckSettings healthSettings = wantsHealthCheck ? HealthCheckSettings.of(config.healthCheck()) : null;
        String transportName = config.serversTransport() == null || config.serversTransport().isEmpty() ? null
                : HttpServiceBuilder.qualify(config.serversTransport(), serviceName); // Traefik qualifies it too
        ServersTransportSettings transport = context.transport(transportName);
        Duration flush = flushInterval(config);
        StickySessions<BalancedServer> sticky = config.sticky() != null && config.sticky().cookie() != null
                ? new StickySessions<>(StickyCookie.of(config.sticky().cookie(), serviceName)) : null;
        RandomGenerator random = context.random();
        ServerSelector<BalancedServer> selector = switch (strategy) {
            case "wrr" -> new WeightedRoundRobin<>();
            case "p2c" -> new PowerOfTwoChoices(random);
            case "hrw" -> new HighestRandomWeight<>();
            case "leasttime" -> new LeastTime();
            case LeastConnections.STRATEGY -> new LeastConnections();
            case WeightedRandom.STRATEGY -> new WeightedRandom<>(random);
            default -> throw new IllegalArgumentException("unsupported load-balancer strategy \""
                    + config.strategy() + "\": expected wrr, p2c, hrw, leasttime, " + LeastConnections.STRATEGY
                    + " or " + WeightedRandom.STRATEGY);
        };
        if (sticky != null && strategy.equals("hrw")) {
            sticky = null; // Traefik's hrw balancer has no sticky sessions
        }
        ServiceStats stats = context.metrics().service(serviceName);
        ChildStatus status = new ChildStatus(serviceName, kind(strategy), wantsHealthCheck);
        boolean passHostHeader = config.passHostHeader() == null || config.passHostHeader();
        List<Server> configured = config.servers() == null ? List.of() : new ArrayList<>(config.servers());
        // Traefik shuffles servers once per build so that instances do not all start on the same server
        Collections.shuffle(configured, java.util.Random.from(random));
        List<BalancedServer> servers = new ArrayList<>(configured.size());
        List<String> urls = new ArrayList<>();
        for (Server s : configured) {
            if (s == null || s.url() == null || s.url().isEmpty()) {
                throw new IllegalArgumentException("service " + serviceName + ": server without url");
            }
            UpstreamTarget target;
            try {
                target = UpstreamTarget.of(s.url(), transport);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("error parsing server URL " + s.url() + ": " + e.getMessage(), e);
            }
            int weight = s.weight() == null ? 1 : s.weight();
            BalancedServer server = new BalancedServer(new ProxiedServer(s.url(), target, weight, false),
                    stats.server(s.url()), Boolean.TRUE.equals(s.preservePath()), passHostHeader);
            servers.add(server);
            urls.add(s.url());
            if (selector instanceof WeightedRoundRobin<BalancedServer> wrr) {
                wrr.add(s.url(), server, weight, false);
            } else {
                ((HealthAwareSelector<BalancedServer>) selector).add(s.url(), server, weight, false);
            }
            if (weight > 0 || strategy.equals("p2c")) {
                status.add(s.url());
                if (sticky != null) {
                    sticky.add(s.url(), server);
                }
            }
        }
        status.reportTo(stats);
        ServersLoadBalancer lb = new ServersLoadBalancer(serviceName, strategy, selector, List.copyOf(servers), status,
                sticky, passHostHeader, flush, stats);
        if (config.passiveHealthCheck() != null) {
            lb.passive = PassiveHealthChecker.of(serviceName, config.passiveHealthCheck(), lb, wantsHealthCheck);
        }
        if (wantsHealthCheck && context.healthChecks() != null) {
            lb.healthChecker = context.healthChecks().checker(serviceName, healthSettings, urls, transport);
            lb.healthChecker.attach(lb);
        }
        return lb;
    }

    private static String kind(String strategy) {
        return switch (strategy) {
            case "wrr" -> "WRR";
            case "p2c" -> "P2C";
            case "hrw" -> "HRW";
            case "leasttime" -> "LeastTime";
            default -> strategy;
        };
    }

    private static Duration flushInterval(LoadBalancer config) {
        if (config.responseForwarding() == null || config.responseForwarding().flushInterval() == null) {
            return Duration.ofMillis(100);
        }
        return config.responseForwarding().flushInterval().value();
    }

    @Override
    public String name() {
        return name;
    }

    public String strategy() {
        return strategy;
    }

    /** The servers in balancing order (after Traefik's shuffle). */
    public List<BalancedServer> servers() {
        return servers;
    }

    /**
     * {@code responseForwarding.flushInterval}. The data plane flushes the client connection after every read from
     * the backend, which is at least as often as any interval (and what Traefik does for negative values,
     * text/event-stream and unknown-length streamed responses), so the value is validated and kept for the API only.
     */
    public Duration flushInterval() {
        return flushInterval;
    }

    /** The active health checker, or null. */
    public HealthChecker healthChecker() {
        return healthChecker;
    }

    @Override
    public void setStatus(String serverName, boolean up) {
        ServerSelector<BalancedServer> s = selector;
        s.setStatus(serverName, up);
        status.set(serverName, up);
        var serverStats = stats.servers().get(serverName);
        if (serverStats != null) {
            serverStats.up(up);
        }
    }

    @Override
    public void registerStatusListener(StatusListener listener) {
        status.register(listener);
    }

    @Override
    public boolean isUp() {
        return status.anyUp();
    }

    @Override
    public BalancedServer selectServer(Exchange exchange) {
        return selector.next(exchange);
    }

    @Override
    public void handle(Exchange exchange) {
        BalancedServer server = null;
        if (sticky != null) {
            StickySessions.Hit<BalancedServer> hit = sticky.lookup(exchange);
            if (hit != null && status.isUp(hit.name())) {
                server = hit.item();
                if (hit.rewrite()) {
                    sticky.stick(exchange, hit.name());
                }
            }
        }
        if (server == null) {
            server = selector.next(exchange);
            if (server == null) {
                exchange.respond(HttpResponseStatus.SERVICE_UNAVAILABLE, NO_AVAILABLE_SERVER);
                return;
            }
            if (sticky != null) {
                sticky.stick(exchange, server.name());
            }
        }
        new ServerCall(server, exchange).start();
    }

    /** One request to one server: counts it in flight, times it and reports its outcome. */
    private final class ServerCall implements ResponseInterceptor, Runnable {

        private final BalancedServer server;
        private final Exchange exchange;
        private final long start = System.nanoTime();
        private int responseStatus;

        ServerCall(BalancedServer server, Exchange exchange) {
            this.server = server;
            this.exchange = exchange;
        }

        void start() {
            server.stats().begin();
            exchange.addResponseInterceptor(this);
            exchange.addCompletionListener(this);
            exchange.serviceName(name);
            ReverseProxy.forward(exchange, server.server().target(), passHostHeader, server.preservePath(), start);
        }

        @Override
        public void onResponseHead(Exchange e, HttpResponse response) {
            if (responseStatus == 0) {
                responseStatus = response.status().code();
                if (timesFirstByte) {
                    server.stats().recordTimeToFirstByte(System.nanoTime() - start);
                }
            }
        }

        @Override
        public void run() {
            long elapsed = System.nanoTime() - start;
            int code = responseStatus != 0 ? responseStatus : exchange.status();
            server.stats().end(code, elapsed);
            stats.record(elapsed);
            if (passive != null) {
                passive.record(server.name(), code, exchange.channel().eventLoop());
            }
        }
    }
}
