package io.trafficcop.operator.dependent;

import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.trafficcop.operator.model.ManagedRedis;

/** The managed Redis StatefulSet, present while redis.mode is managed. */
@KubernetesDependent(informer = @Informer(labelSelector = FleetDependent.OWNED_SELECTOR))
public class RedisStatefulSetDependent extends FleetDependent<StatefulSet> {

    public RedisStatefulSetDependent() {
        super(StatefulSet.class, ManagedRedis::statefulSet);
    }
}
