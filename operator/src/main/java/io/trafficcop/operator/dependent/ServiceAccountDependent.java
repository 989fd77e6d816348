package io.trafficcop.operator.dependent;

import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.trafficcop.operator.model.ProxyServiceAccount;

/** The proxy pods' ServiceAccount. */
@KubernetesDependent(informer = @Informer(labelSelector = FleetDependent.OWNED_SELECTOR))
public class ServiceAccountDependent extends FleetDependent<ServiceAccount> {

    public ServiceAccountDependent() {
        super(ServiceAccount.class, ProxyServiceAccount::desired);
    }
}
