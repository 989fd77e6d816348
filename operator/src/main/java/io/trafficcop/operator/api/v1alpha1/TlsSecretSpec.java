package io.trafficcop.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/** A Secret (typically kubernetes.io/tls) mounted into the proxy, for tls.certificates / tls.stores files. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TlsSecretSpec {

    @Required
    @JsonPropertyDescription("Name of the Secret.")
    public String name;

    @JsonPropertyDescription("Where to mount it. Default /etc/traefik/tls/<name>.")
    public String mountPath;
}
