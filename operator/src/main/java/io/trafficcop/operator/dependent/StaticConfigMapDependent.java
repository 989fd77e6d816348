package io.trafficcop.operator.dependent;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.trafficcop.operator.model.ProxyConfigMaps;

/** The static configuration in force (only ever written with a configuration that passed the gate). */
@KubernetesDependent(informer = @Informer(labelSelector = FleetDependent.OWNED_SELECTOR))
public class StaticConfigMapDependent extends FleetDependent<ConfigMap> {

    public StaticConfigMapDependent() {
        super(ConfigMap.class, ProxyConfigMaps::staticConfig);
    }
}
