package io.trafficcop.proxy.config.dynamic;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Traefik's {@code http.services.<name>.loadBalancer} ({@code dynamic.ServersLoadBalancer}).
 *
 * <ul>
 *   <li>{@code strategy}: {@code wrr}, {@code p2c}, {@code hrw} or {@code leasttime}, and TrafficCop's extensions
 *   {@code x-trafficcop-leastconn} and {@code x-trafficcop-random}</li>
 *   <li>{@code serversTransport}: name of an {@code http.serversTransports} entry; null means the default transport</li>
 * </ul>
 */
public record LoadBalancer(
        Sticky sticky,
        List<Server> servers,
        String strategy,
        HealthCheck healthCheck,
        PassiveHealthCheck passiveHealthCheck,
        Boolean passHostHeader,
        ResponseForwarding responseForwarding,
        String serversTransport) {

    public static final String DEFAULT_STRATEGY = "wrr";
    public static final Boolean DEFAULT_PASS_HOST_HEADER = Boolean.TRUE;
    public static final ResponseForwarding DEFAULT_RESPONSE_FORWARDING = new ResponseForwarding(null);

    public LoadBalancer {
        strategy = strategy != null ? strategy : DEFAULT_STRATEGY;
        passHostHeader = passHostHeader != null ? passHostHeader : DEFAULT_PASS_HOST_HEADER;
        responseForwarding = responseForwarding != null ? responseForwarding : DEFAULT_RESPONSE_FORWARDING;
        // unmodifiable copies (nulls allowed, order kept): a bound configuration is never mutated
        servers = servers == null ? null : Collections.unmodifiableList(new ArrayList<>(servers));
    }
}
