package io.trafficcop.operator.model;

import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;

/** The proxy pods' ServiceAccount: no token mounted, the proxy does not talk to the Kubernetes API. */
public final class ProxyServiceAccount {

    private ProxyServiceAccount() {
    }

    public static ServiceAccount desired(Fleet fleet) {
        return new ServiceAccountBuilder()
                .withNewMetadata()
                    .withName(FleetNames.proxy(fleet.name()))
                    .withNamespace(fleet.namespace())
                    .withLabels(FleetNames.labels(fleet.name(), FleetNames.PROXY_COMPONENT))
                .endMetadata()
                .withAutomountServiceAccountToken(false)
                .build();
    }
}
