package io.trafficcop.proxy.config.dynamic;

import io.trafficcop.proxy.config.GoDuration;

/**
 * Traefik's {@code http.middlewares.<name>.circuitBreaker} ({@code dynamic.CircuitBreaker}).
 */
public record CircuitBreaker(
        String expression,
        GoDuration checkPeriod,
        GoDuration fallbackDuration,
        GoDuration recoveryDuration,
        Integer responseCode) {

    public static final GoDuration DEFAULT_CHECK_PERIOD = GoDuration.ofMillis(100);
    public static final GoDuration DEFAULT_FALLBACK_DURATION = GoDuration.ofSeconds(10);
    public static final GoDuration DEFAULT_RECOVERY_DURATION = GoDuration.ofSeconds(10);
    public static final Integer DEFAULT_RESPONSE_CODE = 503;

    public CircuitBreaker {
        checkPeriod = checkPeriod != null ? checkPeriod : DEFAULT_CHECK_PERIOD;
        fallbackDuration = fallbackDuration != null ? fallbackDuration : DEFAULT_FALLBACK_DURATION;
        recoveryDuration = recoveryDuration != null ? recoveryDuration : DEFAULT_RECOVERY_DURATION;
        responseCode = responseCode != null ? responseCode : DEFAULT_RESPONSE_CODE;
    }
}
