package io.trafficcop.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;

/**
 * How a pod drains: for {@link #timeout} after it is marked for deletion it keeps serving (a preStop sleep) while
 * endpoints and load balancers stop sending it traffic; then the proxy gets SIGTERM and applies its entry points'
 * {@code transport.lifeCycle} (requestAcceptGraceTimeout, then graceTimeOut). terminationGracePeriodSeconds covers
 * the sum.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DrainSpec {

    @JsonPropertyDescription("Go duration (e.g. 10s, 1m30s) a terminating pod keeps serving before SIGTERM."
            + " 0s disables the preStop hook. Default 5s.")
    @Pattern("^([0-9]+(\\.[0-9]+)?(ns|us|µs|ms|s|m|h))+$|^0$")
    public String timeout;
}
