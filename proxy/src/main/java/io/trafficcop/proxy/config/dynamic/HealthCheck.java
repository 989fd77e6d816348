package io.trafficcop.proxy.config.dynamic;

import io.trafficcop.proxy.config.GoDuration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Traefik's {@code http.services.<name>.loadBalancer.healthCheck} ({@code dynamic.ServerHealthCheck}).
 *
 * <ul>
 *   <li>{@code mode}: {@code http} or {@code grpc}</li>
 *   <li>{@code status}: null or 0 accepts any 2xx/3xx</li>
 *   <li>{@code unhealthyInterval}: defaults to {@code interval}</li>
 * </ul>
 */
public record HealthCheck(
        String scheme,
        String mode,
        String path,
        String method,
        Integer status,
        Integer port,
        GoDuration interval,
        GoDuration unhealthyInterval,
        GoDuration timeout,
        String hostname,
        Boolean followRedirects,
        Map<String, String> headers) {

    public static final String DEFAULT_MODE = "http";
    public static final String DEFAULT_METHOD = "GET";
    public static final GoDuration DEFAULT_INTERVAL = GoDuration.ofSeconds(30);
    public static final GoDuration DEFAULT_TIMEOUT = GoDuration.ofSeconds(5);
    public static final Boolean DEFAULT_FOLLOW_REDIRECTS = Boolean.TRUE;

    public HealthCheck {
        mode = mode != null ? mode : DEFAULT_MODE;
        method = method != null ? method : DEFAULT_METHOD;
        interval = interval != null ? interval : DEFAULT_INTERVAL;
        timeout = timeout != null ? timeout : DEFAULT_TIMEOUT;
        followRedirects = followRedirects != null ? followRedirects : DEFAULT_FOLLOW_REDIRECTS;
        unhealthyInterval = unhealthyInterval != null ? unhealthyInterval : interval;
        // unmodifiable copies (nulls allowed, order kept): a bound configuration is never mutated
        headers = headers == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }
}
