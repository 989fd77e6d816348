package io.trafficcop.proxy.config.dynamic;

import io.trafficcop.proxy.config.GoDuration;

/**
 * Traefik's {@code http.services.<name>.loadBalancer.passiveHealthCheck} ({@code dynamic.PassiveServerHealthCheck}).
 */
public record PassiveHealthCheck(
        GoDuration failureWindow,
        Integer maxFailedAttempts) {

    public static final GoDuration DEFAULT_FAILURE_WINDOW = GoDuration.ofSeconds(10);
    public static final Integer DEFAULT_MAX_FAILED_ATTEMPTS = 1;

    public PassiveHealthCheck {
        failureWindow = failureWindow != null ? failureWindow : DEFAULT_FAILURE_WINDOW;
        maxFailedAttempts = maxFailedAttempts != null ? maxFailedAttempts : DEFAULT_MAX_FAILED_ATTEMPTS;
    }
}
