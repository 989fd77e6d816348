package io.trafficcop.proxy.config.dynamic;


/**
 * Traefik's {@code http.middlewares.<name>.forwardAuth.tls} ({@code dynamic.ClientTLS}).
 *
 * <p>Not to be confused with {@link io.trafficcop.proxy.config.types.ClientTls} ({@code types.ClientTLS}), which has no {@code caOptional}.
 *
 * <ul>
 *   <li>{@code caOptional}: deprecated</li>
 * </ul>
 */
public record ClientTls(
        String ca,
        String cert,
        String key,
        Boolean insecureSkipVerify,
        Boolean caOptional) {
}
