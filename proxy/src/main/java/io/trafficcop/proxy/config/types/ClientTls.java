package io.trafficcop.proxy.config.types;

/**
 * Traefik's {@code ...tls} ({@code types.ClientTLS}).
 *
 * TLS client settings for a connection Traefik opens (e.g. rateLimit.redis.tls, static providers).
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
