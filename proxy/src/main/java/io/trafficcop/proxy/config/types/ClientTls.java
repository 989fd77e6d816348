package io.trafficcop.proxy.config.types;

/**
 * Traefik's {@code http.middlewares.<name>.rateLimit.redis.tls} ({@code types.ClientTLS}).
 *
 * <p>TLS client settings for a connection Traefik opens to a third party: in the dynamic configuration
 * {@code rateLimit.redis.tls}; in the static configuration the providers' and tracing/metrics exporters' {@code tls}.
 *
 * <ul>
 *   <li>{@code ca}: CA certificate, a path or PEM content</li>
 * </ul>
 */
public record ClientTls(
        String ca,
        String cert,
        String key,
        Boolean insecureSkipVerify) {
}
