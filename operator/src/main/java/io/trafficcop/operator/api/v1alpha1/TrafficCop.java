package io.trafficcop.operator.api.v1alpha1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * A TrafficCop proxy fleet: a Deployment of TrafficCop pods running the Traefik static configuration held in a
 * ConfigMap, exposed through a Service, with optional PDB, HPA and Redis. {@code kubectl get trafficcops} shows
 * the Ready condition, the replica counts and the configuration hash in force.
 */
@Group(TrafficCop.GROUP)
@Version(TrafficCop.VERSION)
@Kind("TrafficCop")
@Plural("trafficcops")
@Singular("trafficcop")
@ShortNames("tc")
@AdditionalPrinterColumn(name = "Ready", type = AdditionalPrinterColumn.Type.STRING,
        jsonPath = ".status.conditions[?(@.type==\"Ready\")].status")
@AdditionalPrinterColumn(name = "Config", type = AdditionalPrinterColumn.Type.STRING,
        jsonPath = ".status.conditions[?(@.type==\"ConfigValid\")].status")
@AdditionalPrinterColumn(name = "Replicas", type = AdditionalPrinterColumn.Type.INTEGER,
        jsonPath = ".status.replicas")
@AdditionalPrinterColumn(name = "Available", type = AdditionalPrinterColumn.Type.INTEGER,
        jsonPath = ".status.readyReplicas")
@AdditionalPrinterColumn(name = "Hash", type = AdditionalPrinterColumn.Type.STRING,
        jsonPath = ".status.configHash", priority = 1)
@AdditionalPrinterColumn(name = "Age", type = AdditionalPrinterColumn.Type.DATE,
        jsonPath = ".metadata.creationTimestamp")
public class TrafficCop extends CustomResource<TrafficCopSpec, TrafficCopStatus> implements Namespaced {

    public static final String GROUP = "trafficcop.io";
    public static final String VERSION = "v1alpha1";

    @Override
    protected TrafficCopSpec initSpec() {
        return new TrafficCopSpec();
    }

    @Override
    protected TrafficCopStatus initStatus() {
        return new TrafficCopStatus();
    }
}
