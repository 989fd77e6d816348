package io.trafficcop.operator.dependent;

import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;
import io.trafficcop.operator.api.v1alpha1.TrafficCop;
import io.trafficcop.operator.model.RedisConnection;

/** Reconcile precondition of the Redis StatefulSet and Service: {@code redis.mode: managed}. */
public class RedisManaged implements Condition<Object, TrafficCop> {

    @Override
    public boolean isMet(DependentResource<Object, TrafficCop> dependent, TrafficCop primary,
                         Context<TrafficCop> context) {
        return RedisConnection.mode(primary.getSpec().redis) == RedisConnection.Mode.MANAGED;
    }
}
