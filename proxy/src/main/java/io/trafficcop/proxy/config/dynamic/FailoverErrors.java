package io.trafficcop.proxy.config.dynamic;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Traefik's {@code http.services.<name>.failover.errors} ({@code dynamic.FailoverError}).
 *
 * <ul>
 *   <li>{@code maxRequestBodyBytes}: -1 means unlimited</li>
 *   <li>{@code status}: status codes or ranges such as {@code 500-599}</li>
 * </ul>
 */
public record FailoverErrors(
        Long maxRequestBodyBytes,
        List<String> status) {

    public static final Long DEFAULT_MAX_REQUEST_BODY_BYTES = -1L;

    public FailoverErrors {
        maxRequestBodyBytes = maxRequestBodyBytes != null ? maxRequestBodyBytes : DEFAULT_MAX_REQUEST_BODY_BYTES;
        // unmodifiable copies (nulls allowed, order kept): a bound configuration is never mutated
        status = status == null ? null : Collections.unmodifiableList(new ArrayList<>(status));
    }
}
