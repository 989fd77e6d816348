package io.trafficcop.proxy.config.dynamic;

import io.trafficcop.proxy.config.NotImplemented;

/**
 * Traefik's {@code http.middlewares.<name>.passTLSClientCert.info} ({@code dynamic.TLSClientCertificateInfo}).
 */
@NotImplemented("middleware not implemented yet")
public record TlsClientCertificateInfo(
        Boolean notAfter,
        Boolean notBefore,
        Boolean sans,
        Boolean serialNumber,
        TlsClientCertificateSubjectDnInfo subject,
        TlsClientCertificateIssuerDnInfo issuer) {
}
