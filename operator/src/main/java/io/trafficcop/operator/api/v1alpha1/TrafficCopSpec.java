package io.trafficcop.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The desired state of a TrafficCop fleet. Plain data (public fields, as the CRD generator and Jackson read them);
 * every default lives in {@code model.Defaults}, not here, so that an absent field stays absent in the resource.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TrafficCopSpec {

    @JsonPropertyDescription("Container image of the TrafficCop proxy. Defaults to the operator's own release.")
    public String image;

    @JsonPropertyDescription("Image pull policy of the proxy container.")
    public String imagePullPolicy;

    @JsonPropertyDescription("Number of proxy pods; ignored while autoscaling is enabled. Default 2.")
    @Min(0)
    public Integer replicas;

    @Required
    @JsonPropertyDescription("Where the Traefik static and dynamic configuration live.")
    public ConfigSpec config = new ConfigSpec();

    @JsonPropertyDescription("Port of the ping entry point (Traefik's 'traefik' entry point, :8080 by default) used by"
            + " the readiness and liveness probes. Defaults to the port of ping.entryPoint in the static configuration.")
    public Integer pingPort;

    @JsonPropertyDescription("The Service exposing the entry points.")
    public ServiceSpec service = new ServiceSpec();

    @JsonPropertyDescription("Compute resources of the proxy container.")
    public ResourceRequirements resources;

    @JsonPropertyDescription("Node selector of the proxy pods.")
    public Map<String, String> nodeSelector = new LinkedHashMap<>();

    @JsonPropertyDescription("Tolerations of the proxy pods.")
    public List<Toleration> tolerations = new ArrayList<>();

    @JsonPropertyDescription("Affinity of the proxy pods.")
    public Affinity affinity;

    @JsonPropertyDescription("Topology spread constraints of the proxy pods; when empty, pods are spread across nodes"
            + " and zones on a best-effort basis.")
    public List<TopologySpreadConstraint> topologySpreadConstraints = new ArrayList<>();

    @JsonPropertyDescription("Extra labels on the proxy pods.")
    public Map<String, String> podLabels = new LinkedHashMap<>();

    @JsonPropertyDescription("Extra annotations on the proxy pods.")
    public Map<String, String> podAnnotations = new LinkedHashMap<>();

    @JsonPropertyDescription("PodDisruptionBudget of the proxy pods.")
    public PodDisruptionBudgetSpec podDisruptionBudget = new PodDisruptionBudgetSpec();

    @JsonPropertyDescription("HorizontalPodAutoscaler of the proxy Deployment.")
    public AutoscalingSpec autoscaling = new AutoscalingSpec();

    @JsonPropertyDescription("TLS Secrets mounted read-only at /etc/traefik/tls/<secret name> (or mountPath).")
    public List<TlsSecretSpec> tlsSecrets = new ArrayList<>();

    @JsonPropertyDescription("Extra environment variables of the proxy container.")
    public List<EnvVar> env = new ArrayList<>();

    @JsonPropertyDescription("Redis holding the fleet's shared state (rate limits, sticky sessions, health, ACME).")
    public RedisSpec redis = new RedisSpec();

    @JsonPropertyDescription("How pods drain when they stop.")
    public DrainSpec drain = new DrainSpec();
}
