package io.trafficcop.operator.model;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import io.trafficcop.operator.api.v1alpha1.ServicePortSpec;
import io.trafficcop.operator.api.v1alpha1.ServiceSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The Service exposing the entry points: one port per {@code spec.service.ports} entry, or, by default, per entry
 * point of the static configuration except the internal one serving ping/api. Ports target the container port by
 * name, so an entry point's address can change without touching the Service. An entry point with {@code http3}
 * gets a UDP port next to its TCP one.
 */
public final class ProxyService {

    private ProxyService() {
    }

    public static Service desired(Fleet fleet) {
        ServiceSpec spec = fleet.resource().getSpec().service;
        String type = spec.type == null ? Defaults.SERVICE_TYPE : spec.type;
        return new ServiceBuilder()
                .withNewMetadata()
                    .withName(FleetNames.proxy(fleet.name()))
                    .withNamespace(fleet.namespace())
                    .withLabels(FleetNames.labels(fleet.name(), FleetNames.PROXY_COMPONENT))
                    .withAnnotations(new java.util.LinkedHashMap<>(spec.annotations))
                .endMetadata()
                .withNewSpec()
                    .withType(type)
                    .withExternalTrafficPolicy("ClusterIP".equals(type) ? null : spec.externalTrafficPolicy)
                    .withSelector(FleetNames.selector(fleet.name(), FleetNames.PROXY_COMPONENT))
                    .withPorts(ports(fleet, "ClusterIP".equals(type)))
                .endSpec()
                .build();
    }

    static List<ServicePort> ports(Fleet fleet, boolean clusterIp) {
        List<ServicePort> ports = new ArrayList<>();
        ServiceSpec spec = fleet.resource().getSpec().service;
        if (spec.ports.isEmpty()) {
            String internal = fleet.staticConfig().ping().map(StaticConfig.Ping::entryPoint)
                    .orElse(StaticConfigReader.INTERNAL_ENTRY_POINT);
            for (StaticConfig.EntryPoint ep : fleet.staticConfig().entryPoints().values()) {
                if (!ep.name().equals(internal)) {
                    ports.add(port(ep, ep.port(), null, ep.protocol()));
                    if (ep.http3()) {
                        ports.add(http3Port(ep, ep.port(), null));
                    }
                }
            }
            return ports;
        }
        for (ServicePortSpec p : spec.ports) {
            StaticConfig.EntryPoint ep = fleet.staticConfig().entryPoints().get(p.entryPoint);
            if (ep == null) {
                continue; // reported by MountRules; the gate stops such a configuration before it gets here
            }
            int port = p.port != null ? p.port : ep.port();
            Integer nodePort = clusterIp ? null : p.nodePort;
            ports.add(port(ep, port, nodePort, p.protocol != null ? p.protocol : ep.protocol()));
            if (ep.http3() && p.protocol == null) {
                // HTTP/3 clients come back on the same port over UDP (Alt-Svc): expose it next to TCP.
                ports.add(http3Port(ep, port, nodePort));
            }
        }
        return ports;
    }

    private static ServicePort http3Port(StaticConfig.EntryPoint ep, int port, Integer nodePort) {
        String name = FleetNames.http3PortName(ep.name());
        return new ServicePortBuilder().withName(name).withPort(port).withNodePort(nodePort)
                .withProtocol("UDP").withTargetPort(new IntOrString(name)).build();
    }

    private static ServicePort port(StaticConfig.EntryPoint ep, int port, Integer nodePort, String protocol) {
        String name = FleetNames.portName(ep.name());
        return new ServicePortBuilder().withName(name).withPort(port).withNodePort(nodePort)
                .withProtocol(protocol).withTargetPort(new IntOrString(name)).build();
    }
}
