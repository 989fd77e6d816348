package io.trafficcop.operator.model;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import java.util.Map;

/**
 * The ConfigMaps the pods mount, owned by the TrafficCop and written only with a configuration that passed the
 * gate: the user's ConfigMaps are the source, these are the configuration in force. An invalid edit of the
 * source therefore never reaches a pod — running pods keep the last good configuration.
 */
public final class ProxyConfigMaps {

    /** Annotation on both ConfigMaps: the hash of the configuration they hold. */
    public static final String HASH_ANNOTATION = "trafficcop.io/config-hash";

    private ProxyConfigMaps() {
    }

    public static ConfigMap staticConfig(Fleet fleet) {
        return configMap(fleet, FleetNames.staticConfigMap(fleet.name()),
                Map.of(fleet.configuration().staticFileName(), fleet.configuration().staticContent()));
    }

    public static ConfigMap dynamicConfig(Fleet fleet) {
        return configMap(fleet, FleetNames.dynamicConfigMap(fleet.name()), fleet.configuration().dynamicFiles());
    }

    /** Reads a configuration back from the two ConfigMaps in force (the last good one). */
    public static ProxyConfiguration read(ConfigMap staticConfig, ConfigMap dynamicConfig) {
        Map.Entry<String, String> file = staticConfig.getData().entrySet().iterator().next();
        Map<String, String> dynamic = dynamicConfig == null || dynamicConfig.getData() == null
                ? Map.of() : dynamicConfig.getData();
        return ProxyConfiguration.of(file.getKey(), file.getValue(), dynamic);
    }

    private static ConfigMap configMap(Fleet fleet, String name, Map<String, String> data) {
        return new ConfigMapBuilder()
                .withNewMetadata()
                    .withName(name)
                    .withNamespace(fleet.namespace())
                    .withLabels(FleetNames.labels(fleet.name(), FleetNames.PROXY_COMPONENT))
                    .addToAnnotations(HASH_ANNOTATION, fleet.configuration().hash())
                .endMetadata()
                .withData(data)
                .build();
    }
}
