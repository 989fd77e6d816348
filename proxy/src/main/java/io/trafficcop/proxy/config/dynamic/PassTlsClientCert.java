package io.trafficcop.proxy.config.dynamic;

import io.trafficcop.proxy.config.NotImplemented;

/**
 * Traefik's {@code http.middlewares.<name>.passTLSClientCert} ({@code dynamic.PassTLSClientCert}).
 */
@NotImplemented("middleware not implemented yet")
public record PassTlsClientCert(
        Boolean pem,
        TlsClientCertificateInfo info) {
}
