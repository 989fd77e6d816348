package io.trafficcop.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The Service in front of the proxy pods: its type, annotations and one port per exposed entry point. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ServiceSpec {

    @JsonPropertyDescription("Service type. Default LoadBalancer.")
    @Pattern("^(ClusterIP|NodePort|LoadBalancer)$")
    public String type;

    @JsonPropertyDescription("Annotations of the Service (cloud load balancer settings).")
    public Map<String, String> annotations = new LinkedHashMap<>();

    @JsonPropertyDescription("externalTrafficPolicy of the Service (Local keeps client source addresses).")
    public String externalTrafficPolicy;

    @JsonPropertyDescription("Entry points exposed by the Service. Default: every entry point of the static"
            + " configuration except the ping/api one, on the port of its address.")
    public List<ServicePortSpec> ports = new ArrayList<>();
}
