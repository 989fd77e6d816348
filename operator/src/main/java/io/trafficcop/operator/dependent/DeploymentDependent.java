package io.trafficcop.operator.dependent;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.trafficcop.operator.model.ProxyDeployment;

/** The proxy Deployment. */
@KubernetesDependent(informer = @Informer(labelSelector = FleetDependent.OWNED_SELECTOR))
public class DeploymentDependent extends FleetDependent<Deployment> {

    public DeploymentDependent() {
        super(Deployment.class, ProxyDeployment::desired);
    }
}
