package io.trafficcop.proxy.runtime;

/**
 * Traefik's {@code http.services.<name>.loadBalancer} options that shape forwarding: {@code passHostHeader}
 * (default true) and {@code preservePath} (default false).
 */
public record LoadBalancerSettings(boolean passHostHeader, boolean preservePath) {

    public static final LoadBalancerSettings DEFAULTS = new LoadBalancerSettings(true, false);
}
