package io.trafficcop.proxy.testing;

import io.trafficcop.proxy.runtime.ServersTransportSettings;
import io.trafficcop.proxy.service.LoadBalancerService;
import io.trafficcop.proxy.runtime.LoadBalancerSettings;
import io.trafficcop.proxy.service.ProxiedServer;
import io.trafficcop.proxy.service.loadbalancer.wrr.WeightedRoundRobin;
import io.trafficcop.proxy.upstream.UpstreamTarget;
import java.util.ArrayList;
import java.util.List;

/** Builds load-balancer services for tests. */
public final class Services {

    private Services() {
    }

    public static LoadBalancerService loadBalancer(String name, ServersTransportSettings transport,
                                                   LoadBalancerSettings settings, String... urls) {
        List<ProxiedServer> servers = new ArrayList<>();
        for (String url : urls) {
            servers.add(new ProxiedServer(url, UpstreamTarget.of(url, transport), 1, false));
        }
        return new LoadBalancerService(name,
                WeightedRoundRobin.of(servers, ProxiedServer::name, ProxiedServer::weight), settings);
    }

    public static LoadBalancerService loadBalancer(String name, String... urls) {
        return loadBalancer(name, ServersTransportSettings.DEFAULTS, LoadBalancerSettings.DEFAULTS, urls);
    }
}
