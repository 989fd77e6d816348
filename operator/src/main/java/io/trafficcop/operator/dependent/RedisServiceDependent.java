package io.trafficcop.operator.dependent;

import io.fabric8.kubernetes.api.model.Service;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.trafficcop.operator.model.ManagedRedis;

/** The managed Redis Service, present while redis.mode is managed. */
@KubernetesDependent(informer = @Informer(labelSelector = FleetDependent.OWNED_SELECTOR))
public class RedisServiceDependent extends FleetDependent<Service> {

    public RedisServiceDependent() {
        super(Service.class, ManagedRedis::service);
    }
}
