package io.trafficcop.proxy.runtime.compile;

import io.trafficcop.proxy.config.dynamic.LoadBalancer;
import io.trafficcop.proxy.config.dynamic.Server;
import io.trafficcop.proxy.config.dynamic.Service;
import io.trafficcop.proxy.config.validate.QualifiedConfiguration;
import io.trafficcop.proxy.http.HttpHandler;
import io.trafficcop.proxy.runtime.ServersTransportSettings;
import io.trafficcop.proxy.service.LoadBalancerService;
import io.trafficcop.proxy.runtime.LoadBalancerSettings;
import io.trafficcop.proxy.service.ProxiedServer;
import io.trafficcop.proxy.service.loadbalancer.wrr.WeightedRoundRobin;
import io.trafficcop.proxy.upstream.UpstreamSslContexts;
import io.trafficcop.proxy.upstream.UpstreamTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds the handler of each HTTP service ({@code http.services}) of a configuration. */
final class ServiceCompiler {

    private final Map<String, ServersTransportSettings> transports;
    private final ServersTransportSettings defaultTransport;

    ServiceCompiler(Map<String, ServersTransportSettings> transports, ServersTransportSettings defaultTransport) {
        this.transports = transports;
        this.defaultTransport = defaultTransport;
    }

    HttpHandler compile(String name, Service service) throws CompileException {
        if (service.loadBalancer() != null) {
            return loadBalancer(name, service.loadBalancer());
        }
        String kind = service.weighted() != null ? "weighted" : service.mirroring() != null ? "mirroring"
                : service.failover() != null ? "failover" : "highestRandomWeight";
        throw new CompileException("the " + kind + " service is not implemented by TrafficCop yet");
    }

    private HttpHandler loadBalancer(String name, LoadBalancer config) throws CompileException {
        ServersTransportSettings transport = transport(name, config.serversTransport());
        List<ProxiedServer> servers = new ArrayList<>();
        boolean preservePath = false;
        List<Server> configured = config.servers() == null ? List.of() : config.servers();
        for (Server server : configured) {
            if (server == null || server.url() == null) {
                continue;
            }
            try {
                int weight = server.weight() == null ? 1 : server.weight();
                servers.add(new ProxiedServer(server.url(), UpstreamTarget.of(server.url(), transport), weight, false));
            } catch (IllegalArgumentException e) {
                throw new CompileException("invalid server URL \"" + server.url() + "\": " + e.getMessage(), e);
            }
            preservePath |= Boolean.TRUE.equals(server.preservePath());
        }
        if (servers.stream().anyMatch(s -> s.target().isTls())) {
            try {
                UpstreamSslContexts.validate(transport.tls()); // builds and caches the SslContexts of https servers
            } catch (IllegalArgumentException e) {
                throw new CompileException("servers transport \"" + transport.name() + "\": " + e.getMessage(), e);
            }
        }
        WeightedRoundRobin<ProxiedServer> selector = WeightedRoundRobin.of(servers, ProxiedServer::name,
                ProxiedServer::weight);
        boolean passHostHeader = config.passHostHeader() == null || config.passHostHeader();
        return new LoadBalancerService(name, selector, new LoadBalancerSettings(passHostHeader, preservePath));
    }

    private ServersTransportSettings transport(String service, String reference) throws CompileException {
        if (reference == null || reference.isEmpty()) {
            return defaultTransport;
        }
        String qualified = QualifiedConfiguration.qualify(reference, QualifiedConfiguration.providerOf(service));
        if (qualified.equals("default@internal")) {
            return defaultTransport;
        }
        ServersTransportSettings transport = transports.get(qualified);
        if (transport == null) {
            throw new CompileException("servers transport \"" + qualified + "\" does not exist");
        }
        return transport;
    }
}
