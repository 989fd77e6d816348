package io.trafficcop.operator.model;

import io.trafficcop.operator.api.v1alpha1.TrafficCop;

/**
 * Everything the desired resources are computed from: the resource and the (last valid) configuration the pods
 * must run, already parsed.
 */
public record Fleet(TrafficCop resource, ProxyConfiguration configuration, StaticConfig staticConfig) {

    public static Fleet of(TrafficCop resource, ProxyConfiguration configuration) {
        return new Fleet(resource, configuration,
                StaticConfigReader.read(configuration.staticFileName(), configuration.staticContent()));
    }

    public String name() {
        return resource.getMetadata().getName();
    }

    public String namespace() {
        return resource.getMetadata().getNamespace();
    }
}
