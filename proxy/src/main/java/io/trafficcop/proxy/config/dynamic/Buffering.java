package io.trafficcop.proxy.config.dynamic;

/**
 * Traefik's {@code http.middlewares.<name>.buffering} ({@code dynamic.Buffering}).
 *
 * <ul>
 *   <li>{@code maxRequestBodyBytes}: 0 means no limit</li>
 *   <li>{@code maxResponseBodyBytes}: 0 means no limit</li>
 *   <li>{@code memRequestBodyBytes}: the part of a request body beyond it is kept in a temporary file</li>
 *   <li>{@code memResponseBodyBytes}: the part of a response body beyond it is kept in a temporary file</li>
 *   <li>{@code retryExpression}: oxy predicate deciding whether an attempt is repeated</li>
 * </ul>
 */
public record Buffering(
        Long maxRequestBodyBytes,
        Long memRequestBodyBytes,
        Long maxResponseBodyBytes,
        Long memResponseBodyBytes,
        String retryExpression) {

    public static final Long DEFAULT_MAX_REQUEST_BODY_BYTES = 0L;
    public static final Long DEFAULT_MEM_REQUEST_BODY_BYTES = 1_048_576L;
    public static final Long DEFAULT_MAX_RESPONSE_BODY_BYTES = 0L;
    public static final Long DEFAULT_MEM_RESPONSE_BODY_BYTES = 1_048_576L;

    public Buffering {
        maxRequestBodyBytes = maxRequestBodyBytes != null ? maxRequestBodyBytes : DEFAULT_MAX_REQUEST_BODY_BYTES;
        memRequestBodyBytes = memRequestBodyBytes != null ? memRequestBodyBytes : DEFAULT_MEM_REQUEST_BODY_BYTES;
        maxResponseBodyBytes = maxResponseBodyBytes != null ? maxResponseBodyBytes : DEFAULT_MAX_RESPONSE_BODY_BYTES;
        memResponseBodyBytes = memResponseBodyBytes != null ? memResponseBodyBytes : DEFAULT_MEM_RESPONSE_BODY_BYTES;
    }
}
