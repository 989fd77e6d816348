package io.trafficcop.operator.dependent;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.trafficcop.operator.api.v1alpha1.TrafficCop;
import io.trafficcop.operator.model.Fleet;
import io.trafficcop.operator.model.FleetNames;
import java.util.function.Function;

/**
 * A resource owned by a TrafficCop (owner reference: deleting the TrafficCop garbage-collects it), computed by a
 * {@code model} function from the {@link Fleet} the reconciler put into the workflow context — so a dependent
 * never sees a configuration that did not pass the gate.
 */
public abstract class FleetDependent<R extends HasMetadata> extends CRUDKubernetesDependentResource<R, TrafficCop> {

    /** Informers of owned resources only watch what the operator labelled. */
    public static final String OWNED_SELECTOR = FleetNames.MANAGED_BY_LABEL + "=" + FleetNames.MANAGED_BY;

    private final Function<Fleet, R> model;

    protected FleetDependent(Class<R> type, Function<Fleet, R> model) {
        super(type);
        this.model = model;
    }

    /** The fleet of the current reconciliation, put into the context by the reconciler before the workflow runs. */
    public static Fleet fleet(Context<TrafficCop> context) {
        return context.managedWorkflowAndDependentResourceContext().getMandatory(Fleet.class, Fleet.class);
    }

    @Override
    protected R desired(TrafficCop primary, Context<TrafficCop> context) {
        return model.apply(fleet(context));
    }
}
