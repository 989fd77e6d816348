package io.trafficcop.operator.dependent;

import io.fabric8.kubernetes.api.model.Service;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.trafficcop.operator.model.ProxyService;

/** The Service exposing the entry points. */
@KubernetesDependent(informer = @Informer(labelSelector = FleetDependent.OWNED_SELECTOR))
public class ServiceDependent extends FleetDependent<Service> {

    public ServiceDependent() {
        super(Service.class, ProxyService::desired);
    }
}
