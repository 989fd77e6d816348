package io.trafficcop.proxy.config.dynamic;


/**
 * Traefik's {@code http.middlewares.<name>.passTLSClientCert} ({@code dynamic.PassTLSClientCert}).
 */
public record PassTlsClientCert(
        Boolean pem,
        TlsClientCertificateInfo info) {
}
