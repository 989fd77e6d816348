package io.trafficcop.proxy.config.install;

/**
 * TLS settings of a client TrafficCop opens to a provider or an exporter (Traefik's {@code types.ClientTLS}).
 * CA, certificate and key are file paths or inline PEM contents.
 *
 * <p>Traefik key: {@code providers.docker.tls, providers.http.tls, ...otlp.grpc.tls, ...}.
 */
public record ClientTLS(
        String ca,
        String cert,
        String key,
        Boolean insecureSkipVerify) {
}
