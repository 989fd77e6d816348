package io.trafficcop.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;

/** One Service port, forwarding to the container port of a Traefik entry point ({@code entryPoints.<name>}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ServicePortSpec {

    @Required
    @JsonPropertyDescription("Name of the Traefik entry point (a key of entryPoints in the static configuration).")
    public String entryPoint;

    @JsonPropertyDescription("Port of the Service. Default: the entry point's port.")
    @Min(1)
    @Max(65535)
    public Integer port;

    @JsonPropertyDescription("nodePort for NodePort and LoadBalancer Services.")
    @Min(1)
    @Max(65535)
    public Integer nodePort;

    @JsonPropertyDescription("TCP or UDP. Default: TCP, or UDP for an entry point whose address ends with /udp.")
    public String protocol;
}
