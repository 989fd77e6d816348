package io.trafficcop.proxy.config.dynamic;

import io.trafficcop.proxy.config.GoDuration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Traefik's {@code http.middlewares.<name>.retry} ({@code dynamic.Retry}).
 *
 * <ul>
 *   <li>{@code timeout}: 0 or null means no overall limit</li>
 *   <li>{@code initialInterval}: 0 retries immediately, otherwise the first exponential back-off wait</li>
 * </ul>
 */
public record Retry(
        Integer attempts,
        GoDuration timeout,
        GoDuration initialInterval,
        Long maxRequestBodyBytes,
        List<String> status,
        Boolean disableRetryOnNetworkError,
        Boolean retryNonIdempotentMethod) {

    public static final GoDuration DEFAULT_INITIAL_INTERVAL = GoDuration.ZERO;
    public static final Long DEFAULT_MAX_REQUEST_BODY_BYTES = 2L * 1024 * 1024;

    public Retry {
        initialInterval = initialInterval != null ? initialInterval : DEFAULT_INITIAL_INTERVAL;
        maxRequestBodyBytes = maxRequestBodyBytes != null ? maxRequestBodyBytes : DEFAULT_MAX_REQUEST_BODY_BYTES;
        // unmodifiable copies (nulls allowed, order kept): a bound configuration is never mutated
        status = status == null ? null : Collections.unmodifiableList(new ArrayList<>(status));
    }
}
