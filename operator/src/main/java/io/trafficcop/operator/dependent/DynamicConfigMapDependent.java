package io.trafficcop.operator.dependent;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.trafficcop.operator.model.ProxyConfigMaps;

/** The dynamic configuration in force, watched by the pods' file provider: updating it reloads without restart. */
@KubernetesDependent(informer = @Informer(labelSelector = FleetDependent.OWNED_SELECTOR))
public class DynamicConfigMapDependent extends FleetDependent<ConfigMap> {

    public DynamicConfigMapDependent() {
        super(ConfigMap.class, ProxyConfigMaps::dynamicConfig);
    }
}
